### «¿Olvidó su nombre de usuario o contraseña?». Use los términos de locales/glossary.tsv.

## ¿Olvidó su nombre de usuario o contraseña?
recover-heading = ¿Olvidó su nombre de usuario o contraseña?
recover-intro = Le enviaremos un correo a la dirección de su cuenta.
recover-forgot-username = Olvidé mi nombre de usuario
recover-forgot-password = Olvidé mi contraseña
recover-both-heading = ¿Olvidó los dos?
recover-both = Empiece por su nombre de usuario: se lo enviaremos por correo. Luego úselo para restablecer su contraseña.
# Le sigue el número del servicio de ayuda, un enlace, y luego footer-hours.
recover-no-email = Si ya no usa el correo electrónico de su cuenta, llame al servicio de ayuda al{" "}

## Nombre de usuario olvidado.
recover-check-email = Revise su correo
recover-username-sent-title = Revise su correo – nombre de usuario olvidado
recover-username-sent = Si los datos coinciden con una cuenta, enviamos un correo con su nombre de usuario a la dirección registrada. Puede tardar unos minutos en llegar.
# Le sigue el número del servicio de ayuda, un enlace, y luego ".".
recover-nothing-arrives = Si no le llega nada, revise su carpeta de correo no deseado o llame al servicio de ayuda al{" "}
recover-sign-in = Iniciar sesión
recover-reset-link = Restablecer su contraseña
recover-username-heading = Recupere su nombre de usuario
recover-username-intro = Le enviaremos su nombre de usuario por correo a la dirección de su cuenta.
recover-email = Correo electrónico
recover-email-hint = El que usó para su cuenta del portal
recover-dob = Fecha de nacimiento
recover-dob-hint = Por ejemplo, 3 27 1984
recover-username-send = Enviarme mi nombre de usuario

## Restablecer su contraseña.
recover-password-heading = Restablezca su contraseña
recover-password-intro = Le enviaremos un código por correo a la dirección de su cuenta. Con él podrá elegir una contraseña nueva.
recover-password-send = Enviar un código
# Antes del enlace recover-username-first.
recover-username-too = ¿También olvidó su nombre de usuario?{" "}
recover-username-first = Recupere primero su nombre de usuario
recover-reset-done = Su contraseña se restableció y se cerró su sesión en todos los dispositivos. Inicie sesión con su contraseña nueva.
recover-reset-title = Revise su correo – restablezca su contraseña
recover-reset-sent = Si el nombre de usuario coincide con una cuenta, enviamos un correo con un código a la dirección registrada. El código sirve durante 15 minutos.
recover-code = Código del correo
recover-code-hint = 8 letras y números, por ejemplo 7KDM-2Q9X
recover-new-password = Contraseña nueva
recover-reset-button = Restablecer contraseña
recover-not-got = No recibí el correo
# Antes del enlace recover-send-new-code.
recover-not-got-before = Puede tardar unos minutos. Revise su carpeta de correo no deseado. Puede{" "}
recover-send-new-code = enviar un código nuevo
# Después del enlace recover-send-new-code; le sigue el número del servicio de ayuda, un enlace, y luego footer-hours.
recover-not-got-after = {" "}(el último código enviado es el que sirve) o llamar al servicio de ayuda al{" "}
recover-enter-code = Escriba el código del correo
recover-code-format = El código tiene 8 letras y números, como 7KDM-2Q9X
