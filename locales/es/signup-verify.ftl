### Registrarse sin código de acceso: las preguntas, la revisión de las
### respuestas y el código por correo electrónico. También los campos que
### comparten los formularios de solicitud.

## Campos que comparten los formularios de registro, de código nuevo y de expedientes.
verify-first-name = Nombre
verify-middle-name = Segundo nombre (opcional)
verify-last-name = Apellido
verify-dob-hint = Por ejemplo, 3 27 1984
verify-street = Dirección
verify-city = Ciudad o pueblo
verify-state = Estado
verify-state-placeholder = Elija un estado
verify-zip = Código postal

## Página de inicio.
verify-start-heading = Registrarse sin código de acceso
verify-start-intro = Compararemos lo que nos diga con su expediente médico. Responda tal como aparece en su expediente, por ejemplo, el nombre y la dirección que le dio a su clínica.
verify-start-need = Necesitará:
verify-start-need-name = su nombre legal y su fecha de nacimiento
verify-start-need-address = la dirección de su casa y su número de celular
verify-start-need-email = un correo electrónico
verify-start-match = Si encontramos su expediente, le enviaremos un código al correo electrónico que aparece en él. Si no, el servicio de ayuda revisará sus datos y le enviará un código de acceso.
verify-start-now = Comenzar
verify-start-other-heading = Otras formas de obtener ayuda
verify-start-new-code = Obtener un código de acceso nuevo
# Después del enlace "Obtener un código de acceso nuevo".
verify-start-new-code-why = {" "}si perdió el suyo o se venció
verify-start-status = Consultar una solicitud que ya hizo
# Antes del número del servicio de ayuda, que es un enlace.
verify-start-call = Llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
verify-start-call-hours = , las 24 horas del día, los 7 días de la semana

## Las preguntas, una por página.
verify-name-heading = ¿Cuál es su nombre legal?
verify-name-intro = Escríbalo tal como aparece en su expediente médico, por ejemplo, en una factura o una carta de su clínica.
verify-last-name-hint = Si tiene dos apellidos, escriba los dos.
verify-dob-heading = ¿Cuál es su fecha de nacimiento?
verify-legal-sex-heading = ¿Cuál es su sexo legal en su expediente médico?
verify-legal-sex-hint = Solo lo preguntamos para encontrar su expediente.
verify-address-heading = ¿Cuál es la dirección de su casa?
verify-address-intro = Escriba la dirección que tiene su clínica. Si se mudó hace poco, escriba la dirección que dio en su última consulta.
verify-phone-heading = ¿Cuál es su número de celular?
verify-phone-intro = Lo comparamos con el número de su expediente. No lo llamaremos ni le enviaremos mensajes de texto.
verify-phone-label = Número de celular
verify-phone-hint = Por ejemplo, (555) 555-0100
verify-email-heading = ¿Cuál es su correo electrónico?
verify-email-intro = Si su expediente tiene un correo electrónico, le enviaremos ahí un código para confirmar que es usted. También lo usaremos para enviarle mensajes importantes sobre su cuenta.
verify-email-label = Correo electrónico

## Revise sus respuestas.
verify-check-heading = Revise sus respuestas
verify-check-title = Revise sus respuestas – registrarse sin código
verify-check-legal-name = Nombre legal
verify-check-dob = Fecha de nacimiento
verify-check-legal-sex = Sexo legal
verify-check-address = Dirección de su casa
verify-check-phone = Celular
verify-check-email = Correo electrónico
# El resto del texto oculto de cada enlace "Cambiar": "Cambiar nombre legal".
verify-check-change-legal-name = nombre legal
verify-check-change-dob = fecha de nacimiento
verify-check-change-legal-sex = sexo legal
verify-check-change-address = dirección de su casa
verify-check-change-phone = número de celular
verify-check-change-email = correo electrónico
verify-check-next = Cuando continúe, buscaremos su expediente médico. Si lo encontramos, le enviaremos un código al correo electrónico que aparece en él.

## Revise su correo: el código enviado al correo electrónico del expediente.
verify-code-heading = Revise su correo electrónico
verify-code-title = Revise su correo electrónico – registrarse sin código
# El correo electrónico viene enmascarado: j•••@example.com.
verify-code-sent = Enviamos un código de 6 dígitos a { $email }, el correo electrónico de su expediente médico. Sirve durante 10 minutos.
# No se envió un código nuevo; $wait es "1 minuto" o "5 minutos".
verify-code-not-resent = Le enviamos códigos a { $email }, el correo electrónico de su expediente médico, varias veces en la última hora, así que no le enviamos otro. Use el código del correo más reciente: sirve durante 10 minutos después de enviarse. Puede pedir un código nuevo en { $wait }.
verify-code-wait-one-minute = 1 minuto
verify-code-wait-minutes = { $count } minutos
verify-code-no-email = No me llegó el correo
verify-code-no-email-wait = Puede tardar unos minutos. Revise su carpeta de correo no deseado.
# Antes del enlace "enviar un código nuevo".
verify-code-you-can = Puede{" "}
verify-code-send-new = enviar un código nuevo
# Después del enlace "enviar un código nuevo", antes del número del servicio de ayuda (un enlace).
verify-code-or-call = {" "}o llamar al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
verify-code-call-hours = , las 24 horas del día, los 7 días de la semana.
