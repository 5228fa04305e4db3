### Las palabras que comparten todas las páginas para pacientes. Respete los
### términos de locales/glossary.tsv.

## El idioma, como lo nombra el selector (en el propio idioma).
language-name = Español

## El marco de cada página.
service-name = Portal del Paciente
skip-to-content = Ir al contenido principal
# Antes del número del servicio de ayuda, que es un enlace.
footer-help = ¿Necesita ayuda? Llame al servicio de ayuda al
footer-hours = , las 24 horas del día, los 7 días de la semana.
footer-language-help = Ayuda con el idioma
back-link = Atrás
continue-button = Continuar
please-wait = Espere, por favor…
# Va antes del título de la página mientras muestra errores.
title-error = Error:{" "}
change = Cambiar

## La página antes de que la aplicación empiece, y sin JavaScript.
loading = Cargando el portal del paciente…
loading-failed = El portal del paciente no se cargó. Revise su conexión a internet y vuelva a cargar la página.
no-javascript-heading = Active JavaScript
no-javascript = Para registrarse o iniciar sesión en el portal del paciente, active JavaScript en su navegador.
no-javascript-call = O llame al servicio de ayuda al { $phone }, las 24 horas del día, los 7 días de la semana.

## Formularios.
error-summary-title = Hay un problema
error-prefix = Error:{" "}
sign-out-other-account = Cerrar la sesión de la otra cuenta
date-month = Mes
date-day = Día
date-year = Año

## Fechas: "1 de diciembre de 2026".
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Errores que no son de un campo.
wait-one-minute = un minuto
wait-minutes = { $count } minutos
too-many-tries = Ha habido demasiados intentos. Espere { $wait } y vuelva a intentarlo, o llame al servicio de ayuda al { $phone }.
too-many-tries-network = Ha habido demasiados intentos desde esta red (el wifi o la conexión a internet que está usando). Espere { $wait } y vuelva a intentarlo, o llame al servicio de ayuda al { $phone }.
unavailable = Lo sentimos, algo salió mal. Vuelva a intentarlo en unos minutos. Si sigue pasando, llame al servicio de ayuda al { $phone }.
unavailable-reference = Lo sentimos, algo salió mal de nuestro lado. Vuelva a intentarlo en unos minutos. Si sigue pasando, llame al servicio de ayuda al { $phone } y dé la referencia { $reference }.
busy = El portal tiene mucha actividad en este momento. Espere unos segundos y vuelva a intentarlo.
network = No pudimos conectar con el portal. Revise su conexión a internet y vuelva a intentarlo.
code-expired-on = Este código de acceso venció el { $date }.
code-expired = Este código de acceso ya venció.
code-used = Este código de acceso ya se usó.
code-voided = Este código de acceso ya no se puede usar.
account-exists = Usted ya tiene una cuenta del portal.
forbidden = Se rechazó esta solicitud. Vuelva a cargar la página e inténtelo de nuevo.
signed-out = Su sesión está cerrada. Vuelva a iniciar sesión para continuar.
bad-request = No se pudo leer la solicitud.

## Las partes de los formularios.
done-prefix = Listo:{" "}
not-yet-prefix = Falta:{" "}
password-hint = Use 15 caracteres o más. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar.
password-too-long = { $max } caracteres o menos (tiene { $count })
password-long-enough = { $min } caracteres o más
password-long-enough-count = { $min } caracteres o más (tiene { $count })
password-not-common = No es una contraseña común
password-no-username = No contiene su nombre de usuario
password-no-name = No contiene su nombre
show-password = Mostrar la contraseña
hide-password = Ocultar la contraseña
email-code-label = Código
email-code-hint = Por ejemplo, 123456

## Maneras de entrar para quien no tiene un código de acceso.
no-code-heading = ¿No tiene un código de acceso?
no-code-verify = Regístrese sin un código de acceso
no-code-verify-why = {" "}dándonos algunos datos más sobre usted
no-code-new = Pida un código de acceso nuevo
no-code-new-why = {" "}si perdió el suyo o ya venció
no-code-status = Consulte una solicitud que hizo
no-code-call = Llame al servicio de ayuda al{" "}
no-code-call-hours = , que atiende las 24 horas del día, los 7 días de la semana

## "No tengo correo electrónico".
no-email-summary = No tengo correo electrónico
no-email-why = Una cuenta del portal necesita un correo electrónico para que podamos comunicarnos con usted sobre su cuenta y ayudarle si olvida sus datos para iniciar sesión.
no-email-records = Aun así, puede obtener copias de sus expedientes médicos:{" "}
no-email-records-link = solicite sus expedientes médicos

## No se encontró la página.
not-found-heading = No se encontró la página
not-found-typed = Si escribió la dirección web, revise que esté bien escrita.
not-found-pasted = Si pegó la dirección web, revise que haya copiado la dirección completa.
not-found-start = Ir a la página de inicio

## Iniciar sesión: el campo del nombre de usuario y lo que dice una página sin sesión (inicio de sesión, página de inicio y recuperación).
signin-username = Nombre de usuario
signin-enter-username = Escriba su nombre de usuario
home-session-ended = Se cerró su sesión porque pasó un tiempo sin actividad o porque cerró sesión en otro dispositivo. Vuelva a iniciar sesión para continuar.
home-sign-in-to-see = Inicie sesión para ver su cuenta.
home-could-not-open = Lo sentimos, no pudimos abrir su cuenta
