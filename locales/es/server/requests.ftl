### Lo que dice el servidor sobre los registros sin código de acceso y las
### consultas de solicitudes.

## Registrarse sin código de acceso: el código por correo electrónico.
verify-details-incomplete = Faltan algunos de sus datos. Empiece de nuevo.
verify-code-missing = Escriba el código de 6 dígitos del correo electrónico
verify-code-shape = El código debe tener 6 números, por ejemplo, 123456
verify-code-expired = Este código se venció. Regrese y pida un código nuevo
verify-code-expired-or-used = Este código se venció o ya se usó. Regrese y pida un código nuevo
verify-code-too-many-wrong = Escribió un código incorrecto demasiadas veces. Regrese y pida un código nuevo
verify-code-wrong = El código no es correcto. Revise el correo electrónico e inténtelo de nuevo

## Consultar su solicitud.
# Un solo mensaje, sea que no exista la referencia o que la fecha de nacimiento no coincida.
status-not-found = No encontramos ninguna solicitud con ese número de referencia y esa fecha de nacimiento. Revise los dos datos e inténtelo de nuevo
