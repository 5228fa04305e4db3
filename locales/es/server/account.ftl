### Lo que responde el servidor sobre las cuentas. Respete los términos de
### locales/glossary.tsv.

## Configuración de la cuenta.
settings-current-password-wrong = Su contraseña actual no es correcta
settings-already-your-email = Este ya es su correo electrónico
settings-code-six-numbers = El código debe tener 6 números, como 123456
settings-code-not-right = El código no es correcto. Revise el correo y vuelva a intentarlo
