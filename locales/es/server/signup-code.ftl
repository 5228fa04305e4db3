### Lo que dice el servidor sobre los registros con código de acceso, y
### sobre los adolescentes que crean su propia cuenta (en cualquiera de los
### dos registros).

## Registrarse con un código de acceso.
# Un solo mensaje para un código desconocido y una fecha de nacimiento
# incorrecta, para que quien intente adivinar no sepa cuál falló.
signup-code-not-accepted = El código de acceso y la fecha de nacimiento no coinciden con nuestros registros. Revise los dos datos e inténtelo de nuevo
signup-code-username-taken = Ese nombre de usuario ya está en uso. Elija otro nombre de usuario
# $age es la edad del adolescente más joven en el estado, por ejemplo, 14.
signup-code-child = Este código de acceso es para un menor de { $age } años. Los menores de { $age } años no tienen su propia cuenta; su padre, madre o tutor puede pedir acceso como representante

## Los adolescentes que crean su propia cuenta.
# También se dice cuando el correo es de alguien con acceso como representante al expediente del adolescente.
teen-refused-guardian-email = Use su propio correo electrónico. Los adolescentes crean su propia cuenta con su propio correo electrónico, no con el de su padre, madre o tutor
teen-refused-guardian-phone = Use su propio número de celular. Los adolescentes crean su propia cuenta con sus propios datos de contacto, no con los de su padre, madre o tutor
teen-refused-too-young = Los menores de esta edad todavía no tienen su propia cuenta del portal. Su padre, madre o tutor puede pedir acceso como representante a su expediente desde su propia cuenta
teen-refused-signed-in = Este navegador tiene abierta la sesión de otra cuenta del portal. Los adolescentes crean su propia cuenta: primero cierre la sesión de la otra cuenta o use su propio teléfono o computadora
# $name es el nombre de pila del adolescente.
teen-refused-own-account = Confirme que usted es { $name } y que está creando su propia cuenta. Un padre, madre o tutor no puede crear la cuenta de un adolescente en su lugar
# Cuando la cuenta de un adolescente está lista, en los estados donde los padres ven poco de su expediente.
teen-parents-see-limited = Esta cuenta es solo para usted: no le diga su contraseña a nadie, ni siquiera a su familia. Un padre, madre o tutor con acceso como representante a su expediente solo ve su nombre, su fecha de nacimiento y su número de expediente médico. No ve sus datos de contacto ni quién más tiene acceso, y no puede iniciar sesión en su cuenta ni cambiar sus datos de acceso. La página de su expediente muestra todas las personas que tienen acceso.
# Cuando la cuenta de un adolescente está lista, en los estados donde los padres ven todo su expediente.
teen-parents-see-full = Esta cuenta es solo para usted: no le diga su contraseña a nadie, ni siquiera a su familia. Un padre, madre o tutor con acceso como representante a su expediente ve lo que tenemos sobre usted: su nombre, su fecha de nacimiento, su número de expediente médico, sus datos de contacto y quién tiene acceso, pero no puede iniciar sesión en su cuenta ni cambiar sus datos de acceso. La página de su expediente muestra todas las personas que tienen acceso.
