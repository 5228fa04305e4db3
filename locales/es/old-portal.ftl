### El aviso para un nombre de usuario del portal anterior (inicio de sesión y recuperación). Use los términos de locales/glossary.tsv.

## El nombre de usuario es del portal antiguo.
# Se usa como { $portal } cuando no se sabe el nombre del portal antiguo.
signin-old-portal-default = nuestro antiguo portal del paciente
signin-old-portal-heading = Sus datos de acceso antiguos no funcionan aquí
signin-old-portal-from = Ese nombre de usuario es de { $portal }.
signin-old-portal-moved = Su información médica pasó de { $portal } a este portal del paciente, pero los datos de acceso no. Cree una cuenta nueva para ver su información. Toma unos 5 minutos.
signin-old-portal-start = Regístrese con un código de acceso
