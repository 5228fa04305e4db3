### Acceso como representante: pedir acceso al expediente de otra persona,
### y la página de expedientes. Respete los términos de locales/glossary.tsv.

## Cómo se relaciona con el paciente la persona que pide acceso (botones de
## opción, y después de un expediente en la página de inicio).
proxy-relationship-parent = Padre o madre
proxy-relationship-guardian-of-minor = Tutor legal de un menor
proxy-relationship-guardian-of-adult = Tutor legal de un adulto
proxy-relationship-power-of-attorney = Poder notarial para decisiones médicas
proxy-relationship-spouse-or-partner = Cónyuge o pareja
proxy-relationship-caregiver = Hijo adulto o cuidador
proxy-relationship-other = Otro tipo de relación

## La decisión sobre una solicitud.
# Por qué se rechaza a un padre, madre o tutor de un menor emancipado.
proxy-refused-emancipated = La persona es un menor emancipado, así que sus padres, madres o tutores no tienen acceso a su expediente por ley.

## Pedir acceso: la página de inicio.
proxy-sign-in-first = Inicie sesión para pedir acceso al expediente de otra persona.
proxy-start-heading = Pida acceso al expediente de otra persona
proxy-start-intro = El acceso como representante le permite ver el expediente de otra persona desde su propia cuenta, para ayudar con su atención.
proxy-start-parents = Los padres, madres y tutores legales que aparecen en el expediente de un menor reciben acceso de inmediato, por ley, hasta que el menor sea adulto. En el caso de adolescentes, puede mostrar menos, según el estado.
proxy-start-emancipated = Los padres de un menor emancipado no reciben acceso.
proxy-start-others = Las demás relaciones, como el tutor de un adulto, un poder notarial para decisiones médicas, un cónyuge o un cuidador, las revisa el servicio de ayuda. Si es un adulto con su propia cuenta, primero se le pide que lo apruebe.
proxy-start-need = Necesitará su nombre legal y su fecha de nacimiento y, en caso de tutela o poder notarial, la orden judicial o la referencia del documento.
proxy-start-button = Empezar
# Antes del enlace proxy-start-teens-link.
proxy-start-teens = ¿Tiene entre 14 y 17 años y quiere su propia cuenta?{" "}
proxy-start-teens-link = Los adolescentes crean la suya
# Después del enlace proxy-start-teens-link.
proxy-start-teens-after = .

## Pedir acceso: las preguntas.
proxy-person-heading = ¿De quién es el expediente que quiere ver?
proxy-person-intro = Escriba su nombre legal tal como lo tiene su clínica.
proxy-first-name = Su nombre
proxy-last-name = Su apellido
proxy-dob = Su fecha de nacimiento
proxy-dob-hint = Por ejemplo, 3 27 2012
proxy-relationship-heading = ¿Qué relación tiene con esa persona?
proxy-relationship-legend = Su relación
proxy-details-heading = Cuéntenos más
proxy-document = Orden judicial o referencia del documento
proxy-document-hint = El número de caso o de documento de la orden de tutela o del poder notarial. El servicio de ayuda puede pedirle una copia.
proxy-details = Algo más que deba saber el servicio de ayuda (opcional)
proxy-details-hint = Por ejemplo, por qué necesita el acceso, o la clínica donde se atiende.

## Pedir acceso: revise sus respuestas.
proxy-session-ended = Su sesión terminó. Inicie sesión para enviar su solicitud.
proxy-check-heading = Revise sus respuestas
proxy-check-title = Revise sus respuestas – acceso como representante
proxy-check-name = Nombre
# Texto oculto después de "Cambiar", para lectores de pantalla.
proxy-check-name-what = nombre
proxy-check-dob = Fecha de nacimiento
# Texto oculto después de "Cambiar", para lectores de pantalla.
proxy-check-dob-what = fecha de nacimiento
proxy-check-relationship = Su relación
# Texto oculto después de "Cambiar", para lectores de pantalla.
proxy-check-relationship-what = relación
proxy-check-document = Orden judicial o documento
# Texto oculto después de "Cambiar", para lectores de pantalla.
proxy-check-document-what = orden judicial o referencia del documento
proxy-check-details = Más detalles
# Se muestra cuando no se dieron más detalles.
proxy-check-details-none = Ninguno
# Texto oculto después de "Cambiar", para lectores de pantalla.
proxy-check-details-what = detalles
proxy-check-confirm = Al enviar esta solicitud, confirma que la información es verdadera. Pedir un acceso al que no tiene derecho puede ser ilegal.
proxy-check-send = Enviar solicitud

## Pedir acceso: el resultado.
proxy-granted-heading = Ahora puede ver el expediente de { $name }
proxy-granted-full = Usted ve el resumen completo de su expediente: nombre, fecha de nacimiento, número de expediente médico, datos de contacto y quién tiene acceso.
proxy-granted-limited = Su acceso es limitado: ve su nombre, fecha de nacimiento y número de expediente médico, pero no sus datos de contacto ni quién más tiene acceso.
proxy-granted-ends = Termina el { $until }. Se lo recordaremos un mes antes.
proxy-home-link = Vaya a su página de inicio
# Después del enlace proxy-home-link.
proxy-granted-open = {" "}para abrirlo.
proxy-refused-heading = No podemos darle acceso
proxy-refused-call = Si cree que esto es un error, llame al servicio de ayuda al { $phone }.
proxy-review-heading = Estamos revisando su solicitud
# Le sigue la referencia, en negrita.
proxy-review-reference = Su referencia es{" "}
proxy-review-within = El servicio de ayuda revisará su solicitud en un plazo de { $days } días. Si la persona tiene su propia cuenta, primero le pedimos que la apruebe. Le enviaremos la respuesta por correo.

## Renovar el acceso.
proxy-renew-cannot = Ese acceso no se puede renovar.
proxy-renew-sign-in = Inicie sesión para renovar su acceso.
proxy-renew-failed-heading = No pudimos renovar su acceso

## La página de expedientes: su propio expediente, y uno que abre el acceso como representante.
records-sign-in = Inicie sesión para abrir este expediente.
records-end-question = ¿Quiere terminar el acceso de { $name } a su expediente?
records-end-yes = Sí, terminar el acceso
records-end-done = Terminó el acceso de { $name } a su expediente. Se lo avisamos por correo.
records-approve-question = ¿Quiere aprobar la solicitud de { $name } para ver su expediente?
records-approve-yes = Sí, aprobar
records-approve-done = Aprobó la solicitud de { $name }. Ahora la revisa el servicio de ayuda, y le enviaremos la respuesta por correo a { $name }.
records-refuse-question = ¿Quiere rechazar la solicitud de { $name } para ver su expediente?
records-refuse-yes = Sí, rechazar
records-refuse-done = Rechazó la solicitud de { $name }. Se lo avisamos por correo.
records-own-heading = Su expediente
records-cancel = Cancelar
records-who-can-see = Quién puede ver su expediente
records-other-heading = Expediente de { $name }
# $opened_as dice cómo, por ejemplo "Padre o madre, acceso limitado hasta el 3 de mayo de 2031".
records-other-notice = Está viendo el expediente de { $name }, no el suyo. { $opened_as }.
records-who-can-see-this = Quién puede ver este expediente
records-forbidden = No tiene acceso a este expediente. Es posible que el acceso haya terminado; su página de inicio muestra los expedientes que puede abrir.
records-cannot-open = No se puede abrir este expediente
records-name = Nombre
records-dob = Fecha de nacimiento
records-mrn = Número de expediente médico
records-address = Dirección
records-mobile = Celular
records-email = Correo electrónico del expediente
# Se muestra cuando el expediente no tiene celular o correo electrónico.
records-none = Ninguno
records-my-requests = Sus solicitudes de acceso
# Después del nombre de la persona; le sigue la referencia.
records-my-request = {" "}– { $status } ({ $updated }). Referencia{" "}
records-nobody = Nadie más puede verlo.
records-end-access = Terminar el acceso
# Texto oculto después de "Terminar el acceso", para lectores de pantalla.
records-end-for = {" "}de { $name }
records-by-law = Acceso por ley
# Después del nombre de alguien que puede ver el expediente; le sigue un botón.
records-holder-full = {" "}– { $relationship }, acceso completo desde el { $since } hasta el { $until }{" "}
# Después del nombre de alguien que puede ver el expediente; le sigue un botón.
records-holder-limited = {" "}– { $relationship }, acceso limitado desde el { $since } hasta el { $until }{" "}
# $relationship va en minúsculas, por ejemplo "padre o madre".
records-asked = { $requester } pidió el { $asked_on } ver su expediente, como su { $relationship }.
records-approve = Aprobar
records-refuse = Rechazar
records-asked-heading = Solicitudes para ver su expediente
records-asked-reviewed = El servicio de ayuda también revisa cada solicitud que usted apruebe.

## Pedir acceso: problemas con las respuestas.
proxy-enter-first-name = Escriba su nombre
proxy-enter-last-name = Escriba su apellido
proxy-choose-relationship = Elija qué relación tiene con esa persona
proxy-enter-document = Escriba la orden judicial o la referencia del documento
