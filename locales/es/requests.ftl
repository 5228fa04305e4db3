### Solicitudes: consultar el estado de una solicitud, un código de acceso
### nuevo, un registro que revisa el servicio de ayuda y copias de
### expedientes médicos.

## Consultar su solicitud: el formulario.
status-heading = Consulte su solicitud
status-intro = Escriba el número de referencia que le dimos cuando se registró o pidió su expediente médico. También aparece en el correo electrónico que le enviamos.
status-reference = Número de referencia
# El guion es un guion que no se separa (U+2011).
status-reference-hint = Por ejemplo, 7KDM‑2Q9X
status-dob = Fecha de nacimiento
status-submit = Consultar solicitud
status-reference-missing = Escriba su número de referencia
status-reference-shape = Escriba el número de referencia tal como aparece en su correo electrónico, por ejemplo, 7KDM-2Q9X

## Consultar su solicitud: el resultado.
status-result-heading = Su solicitud
status-received = Fecha de recepción
status-status = Estado
status-last-updated = Última actualización
status-signup-received = Recibida: en espera del servicio de ayuda
status-signup-under-review = El servicio de ayuda está revisando sus datos
status-signup-code-emailed = Le enviamos un código de acceso por correo electrónico
status-signup-code-mailed = Le enviamos un código de acceso por correo postal
status-closed = Cerrada
# $reason es el motivo que dio el servicio de ayuda, en sus palabras.
status-closed-because = Cerrada: { $reason }
status-records-received = Recibida: en espera del equipo de expedientes médicos
status-records-in-progress = El equipo de expedientes médicos está preparando sus expedientes
status-records-done = Lista: le enviamos sus expedientes
# Sigue "Lo sentimos. Llame al servicio de ayuda al…".
status-overdue = Esto está tardando más de lo que prometimos (para el { $date }).{" "}
# Antes del número del servicio de ayuda, que es un enlace.
status-overdue-call = Lo sentimos. Llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
status-overdue-call-after = {" "}y dé su número de referencia.
status-code-promised = Le enviaremos un código de acceso por correo electrónico o por correo postal a más tardar el { $date }.
# Antes del enlace "regístrese con su código de acceso".
status-when-you-have-it = Cuando lo tenga,{" "}
status-sign-up-with-code = regístrese con su código de acceso
# Después del enlace "regístrese con su código de acceso".
status-sign-up-after = .
status-records-contact = El equipo lo llamará por teléfono si necesita algo.
# Antes del número del servicio de ayuda, que es un enlace.
status-questions-call = Si tiene preguntas, llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
status-questions-call-after = .
status-check-another = Consultar otra solicitud

## Obtener un código de acceso nuevo: el formulario.
new-code-heading = Obtenga un código de acceso nuevo
new-code-intro = Si perdió su código, se venció o nunca le llegó, le enviaremos uno nuevo al correo electrónico de su expediente médico.
new-code-contact = Correo electrónico o número de celular de su expediente
new-code-contact-hint = Lo usamos para encontrar su expediente. El código se envía solo al correo electrónico de su expediente.
new-code-submit = Enviar un código nuevo
new-code-contact-missing = Escriba su correo electrónico o su número de celular

## Obtener un código de acceso nuevo: lo que pasa ahora.
# Antes del número del servicio de ayuda, que es un enlace.
new-code-call = Si no le llega nada, llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
new-code-call-hours = , las 24 horas del día, los 7 días de la semana.
new-code-emailed-heading = Revise su correo electrónico
new-code-emailed-title = Revise su correo electrónico – código de acceso nuevo
new-code-emailed = Si los datos coinciden con nuestros registros, le enviamos un código de acceso nuevo al correo electrónico de su expediente médico. Puede tardar unos minutos en llegar.
new-code-emailed-latest = Un código nuevo reemplaza el que tenía, así que use el código del correo más reciente. Si lo pidió varias veces hoy, es posible que no le hayamos enviado otro: use el más reciente que tenga.
new-code-sign-up = Regístrese con su código de acceso
new-code-mail-heading = Le enviaremos un código por correo postal
# Antes del número de referencia, en negrita.
new-code-your-reference = Su número de referencia es{" "}
new-code-mail = Su expediente médico no tiene correo electrónico, así que el servicio de ayuda le enviará un código de acceso nuevo por correo postal a la dirección de su casa que aparece en su expediente, a más tardar el { $date } (en un plazo de { $days } días).
# Antes del enlace "consultar su solicitud".
new-code-keep-reference = Guarde su número de referencia para{" "}
new-code-check-request = consultar su solicitud
# Después del enlace "consultar su solicitud".
new-code-keep-reference-after = {" "}o para cuando llame al servicio de ayuda.

## Un registro que revisará el servicio de ayuda.
pending-heading = Estamos procesando su solicitud
pending-intro = No pudimos confirmar sus datos con nuestros registros, así que el servicio de ayuda los revisará.
# Antes del número de referencia, en negrita.
pending-your-reference = Su número de referencia es{" "}
# Después del número de referencia.
pending-keep-reference = . Guárdelo para consultar su solicitud o para cuando llame al servicio de ayuda.
pending-next-heading = Qué pasa ahora
pending-next = Le enviaremos un código de acceso por correo electrónico o por correo postal a más tardar el { $date }. También le enviamos un correo electrónico que dice lo mismo.
pending-no-wait-heading = No tiene que esperar
pending-no-wait = Si algo de lo que nos dijo puede ser distinto de lo que dice su expediente médico, inténtelo de nuevo: sus nuevas respuestas reemplazan esta solicitud.
pending-try-name = Intentar de nuevo con su nombre legal tal como lo tiene su clínica
# Después del enlace "Intentar de nuevo con su nombre legal tal como lo tiene su clínica".
pending-try-name-after = {" "}(por ejemplo, como aparece en su tarjeta del seguro médico o un nombre que usó antes)
pending-try-contact = Intentar de nuevo con el número de celular o el correo electrónico de su expediente médico
# Antes del número del servicio de ayuda, que es un enlace.
pending-call = Llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
pending-call-after = , abierto las 24 horas del día, los 7 días de la semana, para pedir un código
pending-check-status = Consultar el estado de su solicitud

## Pedir su expediente médico: el formulario.
records-request-heading = Pida su expediente médico
records-request-intro = Puede obtener copias de su expediente médico sin una cuenta del portal. Díganos quién es, qué expedientes necesita y cómo quiere recibirlos.
records-request-about-you = Sus datos
records-request-phone = Número de teléfono
records-request-phone-hint = Lo llamaremos si necesitamos algo
records-request-your-records = Sus expedientes
records-request-which = ¿Qué expedientes necesita?
records-request-which-hint = Por ejemplo, resultados de laboratorio, notas de consultas, informes de imágenes o todos los expedientes
records-request-from = Desde (opcional)
records-request-from-hint = Deje las dos fechas en blanco para recibir expedientes de cualquier fecha
records-request-to = Hasta (opcional)
records-request-to-hint = Por ejemplo, 12 31 2025
records-request-delivery = ¿Cómo quiere recibirlos?
records-request-by-mail = Por correo postal a la dirección de mi casa
records-request-pickup = Los recogeré en persona
records-request-sign-heading = Firme su solicitud
records-request-signature = Escriba su nombre completo
records-request-signature-note = Escribir su nombre es su firma. La fecha de hoy es { $date }.
records-request-submit = Enviar solicitud
records-request-phone-missing = Escriba su número de teléfono
records-request-which-missing = Díganos qué expedientes necesita
records-request-which-too-long = La descripción de los expedientes que necesita debe tener 2,000 caracteres o menos
records-request-delivery-missing = Elija cómo quiere recibir sus expedientes
records-request-signature-missing = Escriba su nombre completo para firmar la solicitud
records-request-signature-too-long = Su firma debe tener 200 caracteres o menos
records-request-dates-order = La última fecha debe ser igual o posterior a la primera fecha

## Pedir su expediente médico: la confirmación.
records-request-sent-heading = Recibimos su solicitud
# Antes del número de referencia, en negrita.
records-request-your-reference = Su número de referencia es{" "}
records-request-signed-on = La firmó el { $date }.
records-request-next-heading = Qué pasa ahora
# Antes del enlace "consultar el estado de su solicitud".
records-request-next = El equipo de expedientes médicos preparará sus expedientes y lo llamará por teléfono si necesita algo. Guarde su número de referencia: puede{" "}
records-request-check-status = consultar el estado de su solicitud
# Después del enlace "consultar el estado de su solicitud".
records-request-next-after = {" "}con él y su fecha de nacimiento, o darlo cuando llame.
# Antes del número del servicio de ayuda, que es un enlace.
records-request-questions = ¿Tiene preguntas? Llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
records-request-questions-hours = , las 24 horas del día, los 7 días de la semana.
records-request-print = Imprimir esta página
