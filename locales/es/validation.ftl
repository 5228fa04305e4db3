### Validación: lo que dicen las reglas compartidas de src/domain y src/shared
### sobre una respuesta, igual en el navegador y en el servidor.

## Códigos de acceso.
access-code-missing = Escriba su código de acceso
access-code-letter-u = Los códigos de acceso no usan la letra U. Revise su código de acceso
access-code-symbols = El código de acceso solo puede incluir letras y números
# $count es cuántas letras y números escribió la persona.
access-code-length = El código de acceso debe tener 15 letras y números. Usted escribió { $count }
access-code-mistyped = Revise su código de acceso: parece que tiene un error

## Fechas escritas en tres casillas (mes, día, año). La fecha de nacimiento
## de la persona ("su"), la de otra persona ("their" en inglés: la de un
## hijo), y la primera y la última fecha de un período de expedientes médicos.
date-enter-your-birth = Escriba su fecha de nacimiento
date-enter-their-birth = Escriba su fecha de nacimiento
date-enter-first = Escriba la primera fecha
date-enter-last = Escriba la última fecha
# $parts es una parte ("el mes") o dos ("el día y el año").
date-birth-must-include = La fecha de nacimiento debe incluir { $parts }
date-first-must-include = La primera fecha debe incluir { $parts }
date-last-must-include = La última fecha debe incluir { $parts }
date-part-month = el mes
date-part-day = el día
date-part-year = el año
# Dos partes que faltan: "el día y el año".
date-parts-two = { $first } y { $second }
date-birth-real = La fecha de nacimiento debe ser una fecha válida
date-first-real = La primera fecha debe ser una fecha válida
date-last-real = La última fecha debe ser una fecha válida
date-year-four-numbers = El año debe tener 4 dígitos
# Hoy sí se acepta.
date-birth-past = La fecha de nacimiento no puede ser una fecha futura
date-first-past = La primera fecha no puede ser una fecha futura
date-last-past = La última fecha no puede ser una fecha futura
date-birth-from-1900 = La fecha de nacimiento debe ser el 1 de enero de 1900 o posterior
date-first-from-1900 = La primera fecha debe ser el 1 de enero de 1900 o posterior
date-last-from-1900 = La última fecha debe ser el 1 de enero de 1900 o posterior

## Nombres legales: nombre, segundo nombre (opcional) y apellido.
name-enter-first = Escriba su nombre
name-enter-last = Escriba su apellido
name-first-too-long = El nombre debe tener 100 caracteres o menos
name-middle-too-long = El segundo nombre debe tener 100 caracteres o menos
name-last-too-long = El apellido debe tener 100 caracteres o menos
name-first-characters = El nombre solo puede incluir letras, espacios, guiones, apóstrofos y puntos
name-middle-characters = El segundo nombre solo puede incluir letras, espacios, guiones, apóstrofos y puntos
name-last-characters = El apellido solo puede incluir letras, espacios, guiones, apóstrofos y puntos

## Sexo legal, como lo tienen los expedientes médicos: las opciones y el mensaje.
legal-sex-female = Femenino
legal-sex-male = Masculino
# Ni femenino ni masculino, como lo dicen los documentos de algunos estados.
legal-sex-x = X
legal-sex-missing = Seleccione su sexo legal tal como aparece en su expediente médico

## Una dirección en EE. UU.
street-missing = Escriba su dirección
street-too-long = La dirección debe tener 200 caracteres o menos
city-missing = Escriba su ciudad o pueblo
city-too-long = La ciudad o pueblo debe tener 100 caracteres o menos
state-missing = Seleccione su estado
zip-missing = Escriba su código postal
zip-format = Escriba un código postal de 5 dígitos, por ejemplo, 12207, o un código ZIP+4, por ejemplo, 12207-1234

## Números de teléfono.
phone-missing = Escriba su número de celular
phone-format = Escriba un número de teléfono de EE. UU. de 10 dígitos, por ejemplo, (555) 555-0100

## Correos electrónicos.
email-missing = Escriba su correo electrónico
email-too-long = El correo electrónico debe tener 254 caracteres o menos
email-format = Escriba un correo electrónico con el formato correcto, por ejemplo, nombre@example.com

## Nombres de usuario.
username-missing = Escriba un nombre de usuario
username-characters = El nombre de usuario solo puede incluir letras, números, puntos (.), guiones (-) y guiones bajos (_)
username-too-short = El nombre de usuario debe tener 6 caracteres o más
username-too-long = El nombre de usuario debe tener 64 caracteres o menos

## Contraseñas.
password-missing = Escriba una contraseña
password-problem-short = La contraseña debe tener 15 caracteres o más
password-problem-long = La contraseña debe tener 128 caracteres o menos
password-problem-common = Esta contraseña es demasiado común. Elija una que sea difícil de adivinar
password-problem-username = La contraseña no debe contener su nombre de usuario
password-problem-name = La contraseña no debe contener su nombre

## Una respuesta mucho más larga de lo que acepta una regla (un cliente que falla).
answer-too-long = Esta respuesta es demasiado larga
