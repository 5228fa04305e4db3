### Registrarse con un código de acceso: la página de inicio, escribir el
### código, crear el nombre de usuario y la contraseña, revisar las
### respuestas y las páginas de un código que no se puede usar. También las
### páginas para adolescentes y "No se encontró la página". Respete los
### términos de locales/glossary.tsv.

## La página de inicio.
start-heading = Cree su nueva cuenta del portal del paciente
start-intro = Tenemos un nuevo portal del paciente. Su información médica ya está en él, pero los datos de acceso del portal antiguo no sirven en el nuevo, así que todos necesitan una cuenta nueva.
start-need = Toma unos 5 minutos. Necesitará:
start-need-code = el código de acceso que le dio su clínica o el servicio de ayuda
start-need-dob = su fecha de nacimiento
start-need-email = un correo electrónico
start-button = Regístrese con un código de acceso
# Antes del enlace start-sign-in-link.
start-sign-in = ¿Ya tiene una cuenta nueva?{" "}
start-sign-in-link = Inicie sesión
# Antes del enlace start-teen-link.
start-teen = ¿Tiene entre 14 y 17 años?{" "}
start-teen-link = Cree su propia cuenta
start-no-email-heading = ¿No tiene correo electrónico?
# Antes del enlace start-no-email-link.
start-no-email = Una cuenta del portal necesita uno. Aun así, puede{" "}
start-no-email-link = solicitar copias de sus expedientes médicos
# Después del enlace start-no-email-link.
start-no-email-after = .

## Escriba su código de acceso.
signup-code-heading = Escriba su código de acceso
signup-code-intro = Su código de acceso está en la carta o el correo electrónico que recibió de su clínica o del servicio de ayuda.
signup-code-label = Código de acceso
# Los guiones que no se separan (U+2011) mantienen el ejemplo en una línea.
signup-code-hint = 15 letras y números, por ejemplo, 7KDM2‑Q9XRT‑4HFBW
signup-code-dob = Fecha de nacimiento
signup-code-lost-heading = ¿Perdió su código o se venció?
signup-code-lost-link = Pida un código de acceso nuevo
# Después del enlace signup-code-lost-link, antes del número del servicio de ayuda (un enlace).
signup-code-lost-call = {" "}o llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
signup-code-lost-hours = , las 24 horas del día, los 7 días de la semana.

## Cree su nombre de usuario y contraseña.
signup-login-heading = Cree su nombre de usuario y contraseña
# $name es el nombre de pila del paciente.
signup-login-intro = Hola, { $name }. Elija el nombre de usuario y la contraseña que usará para iniciar sesión en el portal del paciente.
signup-login-reloaded = Por su seguridad, no guardamos su contraseña cuando se vuelve a cargar la página. Escríbala de nuevo.
signup-login-username = Nombre de usuario
signup-login-username-hint = De 6 a 64 caracteres: letras, números, puntos (.), guiones (-) y guiones bajos (_). No podrá cambiar su nombre de usuario más adelante.
signup-login-password = Contraseña
signup-login-email = Correo electrónico
signup-login-email-hint = Aquí le enviaremos mensajes importantes sobre su cuenta, por ejemplo, cómo restablecer su contraseña. Necesita un correo electrónico para tener una cuenta del portal.
# Lo marca un adolescente; $name es su nombre de pila.
signup-login-own-account = Soy { $name } y estoy creando mi propia cuenta

## Revise sus respuestas.
signup-check-heading = Revise sus respuestas
signup-check-title = Revise sus respuestas – registrarse con un código
signup-check-code = Código de acceso
signup-check-dob = Fecha de nacimiento
signup-check-username = Nombre de usuario
signup-check-password = Contraseña
signup-check-password-hidden = Elegida (oculta por su seguridad)
signup-check-email = Correo electrónico
signup-check-own-account = Su propia cuenta
# $name es el nombre de pila del adolescente.
signup-check-own-account-yes = Sí, soy { $name } y estoy creando mi propia cuenta
# El resto del texto oculto de cada enlace "Cambiar": "Cambiar código de acceso".
signup-check-change-code = código de acceso
signup-check-change-dob = fecha de nacimiento
signup-check-change-username = nombre de usuario
signup-check-change-password = contraseña
signup-check-change-email = correo electrónico
signup-check-change-own-account = la confirmación de que la cuenta es suya
signup-check-create-heading = Ahora cree su cuenta
signup-check-used-up = Al crear su cuenta, se usará su código de acceso y ya no podrá volver a usarlo.
signup-check-create = Crear la cuenta

## Un código de acceso que no se puede usar.
outcome-expired-heading = Su código de acceso ya venció
outcome-used-heading = Este código de acceso ya se usó
outcome-ended-heading = Este código de acceso ya no se puede usar
outcome-account-exists-heading = Usted ya tiene una cuenta del portal
outcome-expired-on = El código de acceso que escribió venció el { $date }. Los códigos sirven por un tiempo limitado para proteger su cuenta.
outcome-expired = El código de acceso que escribió ya venció. Los códigos sirven por un tiempo limitado para proteger su cuenta.
outcome-used = Ya se creó una cuenta con este código de acceso. Cada código sirve una sola vez.
outcome-ended = Un código deja de funcionar cuando se escribe demasiadas veces con una fecha de nacimiento incorrecta, o cuando se le envía un código más reciente.
outcome-account-exists = Ya existe una cuenta del portal del paciente a su nombre, así que no necesita una nueva.
outcome-new-code-heading = Obtenga un código de acceso nuevo
outcome-new-code-link = Pida un código de acceso nuevo
# Después del enlace outcome-new-code-link, antes del número del servicio de ayuda (un enlace).
outcome-new-code = {" "}y se lo enviaremos al correo electrónico de su expediente médico, o llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
outcome-new-code-hours = , que atiende las 24 horas del día, los 7 días de la semana.
outcome-other-code = Escriba otro código de acceso
outcome-sign-in-link = Inicie sesión
# Después del enlace outcome-sign-in-link, antes del enlace outcome-forgot-link.
outcome-sign-in = {" "}con el nombre de usuario y la contraseña que eligió, o{" "}
outcome-forgot-link = pida ayuda si los olvidó
# Después del enlace outcome-forgot-link.
outcome-forgot-after = .

## Cómo crean los adolescentes su propia cuenta.
teen-heading = Cree su propia cuenta si tiene entre 14 y 17 años
teen-intro = Desde los 14 años puede tener su propia cuenta del portal del paciente. La crea usted, en su propio teléfono o computadora: su padre, madre o tutor no puede crearla por usted.
teen-need = Necesitará:
teen-need-email = su propio correo electrónico, no el de su padre, madre o tutor
teen-need-dob = su fecha de nacimiento
teen-need-code = el código de acceso que le dio su clínica o el servicio de ayuda, si tiene uno
teen-signed-in-elsewhere = Si este navegador tiene abierta la sesión de la cuenta del portal de otra persona, primero cierre esa sesión.
teen-button = Regístrese con un código de acceso
# Antes del enlace teen-no-code-link.
teen-no-code = ¿No tiene un código de acceso?{" "}
teen-no-code-link = Regístrese sin un código de acceso
# Después del enlace teen-no-code-link.
teen-no-code-after = . En ese caso, buscamos su expediente con sus datos.
teen-parents-heading = Lo que pueden ver sus padres
teen-parents = Por ley, los padres o tutores tienen acceso al expediente de un adolescente hasta que sea adulto. A menos que las normas de su estado digan otra cosa, solo les muestra su nombre, su fecha de nacimiento y su número de expediente médico. Cuando su cuenta esté lista, le diremos lo que muestra en su estado, y en su cuenta verá todas las personas que tienen acceso a su expediente.
teen-younger-heading = ¿Es menor de 14 años?
# Antes del enlace teen-younger-link.
teen-younger = Los menores de 14 años no tienen su propia cuenta. Su padre, madre o tutor puede{" "}
teen-younger-link = pedir acceso como representante
# Después del enlace teen-younger-link.
teen-younger-after = {" "}a su expediente desde su propia cuenta.
teen-adult-heading = ¿Tiene 18 años o más?
# Antes del enlace teen-adult-link.
teen-adult = Use el{" "}
teen-adult-link = registro habitual
# Después del enlace teen-adult-link.
teen-adult-after = . Las edades son un poco distintas en algunos estados (la mayoría de edad es a los 19 años en Alabama y Nebraska, y a los 21 en Mississippi): revisamos las normas de su estado cuando se registra.

## Demasiado joven para tener su propia cuenta.
too-young-heading = Su padre, madre o tutor puede obtener acceso por usted
too-young-intro = Los menores de esta edad todavía no tienen su propia cuenta del portal. Su padre, madre o tutor puede ver su expediente con acceso como representante: inicia sesión en su propia cuenta del portal (o crea una para sí) y pide acceso a su expediente.
# Antes del enlace too-young-teen-link.
too-young-later = Cuando sea mayor, podrá crear su propia cuenta.{" "}
too-young-teen-link = Cómo obtienen los adolescentes su propia cuenta
# Antes del enlace too-young-change-link.
too-young-wrong-dob = Si escribió mal su fecha de nacimiento,{" "}
too-young-change-link = cámbiela
# Después del enlace too-young-change-link.
too-young-change-after = .
# Antes del número del servicio de ayuda, que es un enlace.
too-young-questions = ¿Tiene preguntas? Llame al servicio de ayuda al{" "}
# Después del número del servicio de ayuda.
too-young-hours = , las 24 horas del día, los 7 días de la semana.
