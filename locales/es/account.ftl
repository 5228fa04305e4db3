### Las páginas para quienes tienen una cuenta: iniciar sesión, la página
### de inicio con la sesión iniciada y la configuración de la cuenta (la
### recuperación está en recover.ftl). Respete los términos de
### locales/glossary.tsv.

## Iniciar sesión.
signin-heading = Inicie sesión en el portal del paciente
signin-password = Contraseña
signin-button = Iniciar sesión
signin-forgot = ¿Olvidó su nombre de usuario o contraseña?
signin-new-heading = ¿Es su primera vez en este portal del paciente?
# Antes del enlace signin-new-link.
signin-new-before = Los datos de acceso de nuestro antiguo portal del paciente no funcionan aquí, así que todos necesitan una cuenta nueva.{" "}
signin-new-link = Cree su nueva cuenta del portal del paciente
# Después del enlace signin-new-link.
signin-new-after = .
# Todos los intentos fallidos dicen lo mismo.
signin-failed = Escriba un nombre de usuario y una contraseña correctos. Después de demasiados intentos fallidos, el inicio de sesión se pausa por un tiempo; puede restablecer su contraseña en cualquier momento
signin-enter-password = Escriba su contraseña

## "Su cuenta está lista", después de registrarse.
signin-ready-heading = Su cuenta está lista
# Le sigue el nombre de usuario, en negrita.
signin-ready-username = Su nombre de usuario es{" "}
signin-ready-next = Qué sigue
# Antes del enlace signin-ready-sign-in-link.
signin-ready-sign-in-before = Ahora puede{" "}
signin-ready-sign-in-link = iniciar sesión
# Después del enlace signin-ready-sign-in-link.
signin-ready-sign-in-after = {" "}con su nombre de usuario y contraseña.
signin-ready-confirm-email = Enviamos un código de 6 dígitos a { $email }. Inicie sesión y escríbalo para confirmar el correo electrónico: hasta entonces no podemos enviarle por correo códigos para restablecer su contraseña.
signin-ready-email = Le enviaremos los mensajes sobre su cuenta a { $email }.
signin-ready-private = No comparta su contraseña. El servicio de ayuda nunca se la pedirá.
signin-ready-yours = Su cuenta es solo suya

## Con la sesión iniciada, o ya no.

## La página de inicio.
home-heading = Hola, { $first } { $last }
home-confirm-email-heading = Confirme su correo electrónico
# Le sigue el enlace home-confirm-email-link.
home-confirm-email = Enviamos un código de 6 dígitos a { $masked }. Hasta que lo escriba, no podemos enviarle por correo códigos para restablecer su contraseña ni otros mensajes sobre su cuenta.{" "}
home-confirm-email-link = Escribir el código
# Espera una persona; le sigue el enlace home-waiting-link.
home-waiting-one = Alguien pidió acceso a su expediente y espera su respuesta.{" "}
# Esperan varias personas; le sigue el enlace home-waiting-link.
home-waiting-many = { $count } personas pidieron acceso a su expediente y esperan su respuesta.{" "}
home-waiting-link = Responda en la página de su expediente
home-records-heading = Expedientes que puede abrir
# Enlace después de un expediente al que pronto dejará de tener acceso.
home-renew = Renovar el acceso
home-ask-access-link = Pedir acceso al expediente de otra persona
# Después del enlace home-ask-access-link.
home-ask-access-after = {" "}– de un padre o una madre, un tutor, un poder notarial o un cuidador.
home-requests-link = Vea cómo van sus solicitudes de acceso
# Después del enlace home-requests-link.
home-requests-after = {" "}en la página de su expediente.
home-sign-out-heading = Cerrar sesión
home-sign-out-explanation = Cierre sesión cuando termine, sobre todo en una computadora compartida.
home-sign-out-button = Cerrar sesión
home-signed-out = Cerró sesión.
home-everywhere-explanation = Si cree que otra persona usó su cuenta, cierre sesión en todos sus teléfonos, tabletas y computadoras, y luego cambie su contraseña.
home-everywhere-button = Cerrar sesión en todos los dispositivos
home-signed-out-everywhere = Cerró sesión en todos los dispositivos.
home-settings-heading = Configuración de la cuenta
home-username = Nombre de usuario
home-email = Correo electrónico
home-email-not-confirmed = Todavía sin confirmar
# Texto oculto después de "Cambiar", para lectores de pantalla.
home-email-what = correo electrónico
home-password = Contraseña
home-password-hidden = Oculta por su seguridad
# Texto oculto después de "Cambiar", para lectores de pantalla.
home-password-what = contraseña

## Cambiar su contraseña.
settings-password-heading = Cambie su contraseña
settings-password-current = Contraseña actual
settings-password-new = Contraseña nueva
settings-password-button = Cambiar contraseña
settings-password-changed = Su contraseña se cambió. Su sesión sigue iniciada aquí; en todos los demás dispositivos se cerró. Le enviamos un correo para confirmar el cambio.
settings-enter-current-password = Escriba su contraseña actual
settings-password-not-different = Su contraseña nueva debe ser distinta de la actual

## Cambiar su correo electrónico.
settings-email-enter-code = Escriba el código de 6 dígitos del correo
settings-email-now-told = Su correo electrónico ahora es { $email }. Le enviamos un mensaje a su dirección anterior para avisarle.
settings-email-now = Su correo electrónico ahora es { $email }.
settings-email-current = Su correo electrónico es { $email }.
settings-email-none = Su cuenta todavía no tiene un correo electrónico confirmado.
settings-email-confirm-button = Confirmar el correo electrónico
settings-email-heading = Cambie su correo electrónico
settings-email-new = Correo electrónico nuevo
settings-email-new-hint = Enviaremos un código a esta dirección para comprobar que es suya.
settings-email-current-password = Su contraseña actual
settings-email-send = Enviar código
settings-email-check-heading = Revise su correo
settings-email-check-title = Revise su correo – cambie su correo electrónico
settings-email-sent = Enviamos un código de 6 dígitos a { $masked }. Sirve durante 10 minutos.{" "}
settings-email-changes = Su correo electrónico cambia cuando lo escriba.
settings-email-not-got = No recibí el correo
# Le sigue el número del servicio de ayuda, un enlace, y luego ".".
settings-email-not-got-help = Puede tardar unos minutos. Revise su carpeta de correo no deseado y la dirección que escribió. También puede llamar al servicio de ayuda al{" "}
settings-email-start-again = Cambiar la dirección o enviar un código nuevo
