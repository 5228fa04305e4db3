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
