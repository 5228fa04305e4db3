### Los correos electrónicos a los pacientes (src/server/mail/templates.rs).
### Cada uno es un asunto y párrafos; el pie de página cierra todos.

## Todos los correos.
email-footer = ¿Tiene preguntas? Llame al servicio de ayuda al { $phone }, las 24 horas del día, los 7 días de la semana. Nunca le pediremos su contraseña.
# Un párrafo de varios correos; $url es la dirección del portal.
email-sign-in-at = Inicie sesión en { $url }/signin.
# Después de "Se cambió su contraseña/correo electrónico".
email-call-now = Si usted no lo cambió, llame ahora al servicio de ayuda al { $phone }.
# Por qué se rechazó o cerró una solicitud; $reason lo escribe el servicio de ayuda.
email-reason = El motivo: { $reason }

## Un registro que el sistema no pudo verificar.
email-signup-pending-subject = Estamos procesando su solicitud del portal del paciente
email-signup-pending-unverified = No pudimos comparar sus datos con nuestros registros, así que estamos procesando su solicitud para crear una cuenta en el portal del paciente.
email-signup-pending-reference = Su número de referencia es { $reference }.
email-signup-pending-promise = Le enviaremos un código de acceso por correo electrónico o por correo postal a más tardar el { $date }. Puede ver cómo va su solicitud en { $url }/signup/status con su número de referencia y su fecha de nacimiento.
email-signup-pending-try-again = No tiene que esperar: puede intentarlo de nuevo con el correo electrónico o el número de celular que figuran en su expediente médico, o llamar al servicio de ayuda al { $phone } para pedir un código.

## El código de seis dígitos que prueba que la persona lee el correo de su expediente.
email-code-subject = Su código de verificación del portal del paciente
email-code-code = Su código de verificación es { $code }.
email-code-enter = Escríbalo en la página del portal del paciente que se lo pidió. Sirve durante { $minutes } minutos.
email-code-ignore = Si usted no pidió crear una cuenta en el portal del paciente, puede ignorar este correo: nadie puede crear una cuenta sin este código.

## Un nuevo código de acceso.
email-new-code-subject = Su nuevo código de acceso del portal del paciente
email-new-code-code = Su nuevo código de acceso es { $code }. Los códigos que le enviamos antes ya no sirven.
email-new-code-how = Para crear su cuenta, vaya a { $url }/signup/code y escriba el código con su fecha de nacimiento. El código sirve una sola vez, hasta el { $date }.
email-new-code-ignore = Si usted no pidió un código nuevo, puede ignorar este correo.

## Un recordatorio del nombre de usuario.
# $names: un nombre de usuario, o varios separados por comas.
email-username-subject = Su nombre de usuario del portal del paciente
email-username-names = Usted pidió su nombre de usuario del portal del paciente. Es: { $names }
email-username-ignore = Si usted no lo pidió, puede ignorar este correo.

## Un código para restablecer la contraseña.
email-reset-subject = Su código para restablecer la contraseña del portal del paciente
email-reset-code = Su código para restablecer su contraseña es { $code }.
email-reset-enter = Escríbalo en la página que se lo pidió. Sirve una sola vez, durante { $minutes } minutos.
email-reset-ignore = Si usted no pidió restablecer su contraseña, puede ignorar este correo: su contraseña no ha cambiado.

## Después de un cambio de contraseña.
email-password-changed-subject = Se cambió su contraseña del portal del paciente
email-password-changed-body = Se acaba de cambiar la contraseña de su cuenta del portal del paciente, y se cerró la sesión en todos los dispositivos conectados a ella.

## El código que confirma un nuevo correo electrónico, enviado a esa dirección.
email-change-code-subject = Confirme su nuevo correo electrónico del portal del paciente
email-change-code-code = Su código para confirmar este correo electrónico es { $code }.
email-change-code-enter = Escríbalo en la configuración de su cuenta del portal del paciente. Sirve durante { $minutes } minutos.
email-change-code-ignore = Si usted no pidió usar esta dirección para una cuenta del portal del paciente, puede ignorar este correo.

## A la dirección anterior, después de cambiar el correo de la cuenta.
# $address: la nueva dirección, en parte oculta ("m•••@example.com").
email-changed-subject = Se cambió su correo electrónico del portal del paciente
email-changed-body = El correo electrónico de su cuenta del portal del paciente se cambió a { $address }. Ya no le escribiremos a esta dirección.

## Se pide a un paciente adulto que apruebe un acceso como representante.
# $relationship: lo que la persona dice ser del paciente, en minúsculas ("cónyuge").
email-proxy-asked-subject = Alguien pidió acceso a su expediente del portal del paciente
email-proxy-asked-who = { $requester } pidió acceso como representante a su expediente del portal del paciente, como su { $relationship }.
email-proxy-asked-sign-in = Inicie sesión en { $url }/signin para aprobarlo o rechazarlo. Nadie tiene acceso a su expediente sin su aprobación y una revisión del servicio de ayuda.
email-proxy-asked-unknown = Si no conoce a esta persona, rechace la solicitud y llame al servicio de ayuda al { $phone }.

## La persona que pidió el acceso se entera de cómo terminó su solicitud. $patient: el nombre del paciente.
email-proxy-approved-subject = Se aprobó su solicitud de acceso como representante
email-proxy-approved = Se aprobó su solicitud de acceso al expediente de { $patient }. Ábralo desde su página de inicio.
email-proxy-refused-subject = No se aprobó su solicitud de acceso como representante
email-proxy-refused = No se aprobó su solicitud de acceso al expediente de { $patient }.
email-proxy-refused-by-patient = { $patient } no aprobó su solicitud de acceso a su expediente.

## El servicio de ayuda vinculó un registro sin verificar a un expediente y envió un código.
email-code-sent-subject = Le enviamos su código de acceso del portal del paciente
email-code-sent-by-mail = Revisamos su solicitud { $reference } del portal del paciente y le enviamos su código de acceso por correo postal, a la dirección que figura en su expediente médico. Debería llegarle en unos días.
email-code-sent-by-email = Revisamos su solicitud { $reference } del portal del paciente y le enviamos su código de acceso al correo electrónico que figura en su expediente médico.
email-code-sent-create = Con el código y su fecha de nacimiento, cree su cuenta en { $url }/signup/code.

## El servicio de ayuda cerró un registro sin verificar, sin enviar un código.
email-closed-subject = Sobre su solicitud del portal del paciente
email-closed-body = No pudimos completar su solicitud { $reference } del portal del paciente.
email-closed-call = Llame al servicio de ayuda al { $phone } y le ayudaremos a obtener su cuenta.

## El acceso como representante termina en menos de un mes: a quien lo tiene. $patient: el nombre del paciente.
email-ending-holder-subject = Su acceso al expediente de { $patient } termina el { $date }
email-ending-holder-body = Su acceso como representante al expediente de { $patient } en el portal del paciente termina el { $date }.
email-ending-holder-majority = Este es un acceso de padre, madre o tutor, que termina cuando { $patient } cumple la mayoría de edad. Después, { $patient } decide desde su propia cuenta quién puede ver su expediente.
email-ending-holder-ask-again = Para conservar el acceso, vuelva a pedirlo en { $url }/proxy antes de esa fecha. El servicio de ayuda lo revisará de nuevo.

## El acceso como representante terminó antes de su fecha.
email-ended-holder-subject = Terminó su acceso al expediente de { $patient }
email-ended-by-patient = { $patient } terminó el acceso como representante que usted tenía a su expediente en el portal del paciente.
email-ended-holder-by-help-desk = El servicio de ayuda terminó su acceso como representante al expediente de { $patient } en el portal del paciente.
email-ended-patient-subject = Terminó el acceso de { $holder } a su expediente
email-ended-patient-by-help-desk = El servicio de ayuda terminó el acceso como representante de { $holder } a su expediente en el portal del paciente.
email-ended-see = Puede ver quién tiene acceso a su propio expediente en { $url }/records.

## El acceso como representante termina en menos de un mes: al paciente. $holder: el nombre de quien lo tiene.
email-ending-patient-subject = El acceso de { $holder } a su expediente termina el { $date }
email-ending-patient-body = El acceso como representante de { $holder } a su expediente del portal del paciente termina el { $date }.
email-ending-patient-nothing = No tiene que hacer nada. Puede ver quién tiene acceso a su expediente en { $url }/records.
