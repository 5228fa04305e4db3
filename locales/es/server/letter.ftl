## La carta con el código de acceso que el servicio de ayuda imprime y envía por correo (en el idioma del paciente).
letter-greeting = Estimado/a { $name }:
letter-intro = Nuestro portal del paciente cambió, y los datos para iniciar sesión en el portal anterior ya no sirven. Este es su código de acceso personal para crear su nueva cuenta:
letter-valid-until = Se puede usar una sola vez, hasta el { $date }.
letter-step-go = Entre en { $url }
letter-step-code = Escriba el código de arriba y su fecha de nacimiento.
letter-step-login = Elija un nombre de usuario y una contraseña. Necesitará un correo electrónico.
letter-questions = ¿Tiene preguntas o el código no funciona? Llame al servicio de ayuda al { $phone }, las 24 horas del día, los 7 días de la semana. Nunca le pediremos su contraseña.
