## La página de ayuda con el idioma (sus frases están en locales/language-help.tsv).
language-help-title = Ayuda con el idioma
language-help-intro = Hay ayuda gratuita en su idioma las 24 horas del día, los 7 días de la semana. Llame al servicio de ayuda al { $phone } y diga qué idioma habla.
language-help-back = Volver al portal del paciente
