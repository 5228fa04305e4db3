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
proxy-relationship-other = Otra relación

## La decisión sobre una solicitud.
# Por qué se rechaza a un padre, madre o tutor de un menor emancipado.
proxy-refused-emancipated = La persona es un menor emancipado, así que sus padres, madres o tutores no tienen acceso a su expediente por ley.
