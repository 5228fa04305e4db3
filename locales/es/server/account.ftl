### Lo que responde el servidor sobre las cuentas. Respete los términos de
### locales/glossary.tsv.

## Configuración de la cuenta.
settings-current-password-wrong = Su contraseña actual no es correcta
settings-already-your-email = Este ya es su correo electrónico
settings-code-six-numbers = El código debe tener 6 números, como 123456
settings-code-not-right = El código no es correcto. Revise el correo y vuelva a intentarlo

## La lista de expedientes de la página de inicio y sus avisos.
# El expediente de la propia persona, en la lista de la página de inicio.
home-own-record = Su propio expediente
home-your-access-ends-renew = Su acceso al expediente de { $name } termina el { $until }. Para conservarlo, renuévelo antes de esa fecha.
home-your-access-ends-at-majority = Su acceso al expediente de { $name } termina el { $until }. Es el acceso de un padre, madre o tutor, que termina cuando la persona llega a la mayoría de edad.
home-their-access-ends = El acceso de { $name } a su expediente termina el { $until }.

## Cómo se abre un expediente con acceso como representante.
records-opened-as-full = { $relationship }, acceso completo hasta el { $until }
records-opened-as-limited = { $relationship }, acceso limitado hasta el { $until }

## Las respuestas del asistente de acceso como representante. $first: el nombre
## del menor; $majority: la mayoría de edad; $state: el estado del expediente;
## $until: una fecha.
proxy-granted-because-parent = Usted figura en el expediente de { $first } como su padre o madre, y { $first } es menor de { $majority } años en { $state }; por eso tiene acceso por ley hasta el { $until }.
proxy-granted-because-guardian = Usted figura en el expediente de { $first } como su tutor legal, y { $first } es menor de { $majority } años en { $state }; por eso tiene acceso por ley hasta el { $until }.
proxy-own-record = Este es su propio expediente: ya lo tiene
proxy-have-access-already = Ya tiene acceso a este expediente: ábralo desde su página de inicio

## Las solicitudes de acceso como representante de la persona, en la página de
## expedientes. $name: de quién es el expediente.
my-request-waiting-for-patient = Esperando la aprobación de { $name }
my-request-waiting-for-help-desk = Esperando al servicio de ayuda
my-request-granted-by-law = Concedido por ley
my-request-approved = Aprobado
my-request-not-approved = No aprobado
my-request-not-approved-by-patient = No lo aprobó { $name }
# $reason: lo escribe el servicio de ayuda, o por qué las reglas lo rechazaron.
my-request-not-approved-because = No aprobado: { $reason }
answer-no-such-request = No hay ninguna solicitud con esa referencia que espere su respuesta.

## Códigos de un solo uso que se vuelven a pedir (restablecer la contraseña,
## cambiar el correo electrónico).
code-expired-ask-again = Este código ya venció
code-used-ask-again = Este código ya venció o ya se usó
code-too-many-tries = Escribió un código incorrecto demasiadas veces
# $problem: uno de los tres de arriba.
settings-ask-again-for-code = { $problem }. Escriba otra vez su nuevo correo electrónico para recibir un código nuevo
recover-ask-again-for-code = { $problem }. Pida un código nuevo
