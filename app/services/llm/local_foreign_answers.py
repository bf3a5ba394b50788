"""Glosses for the kinds of answer a field asks for, in Spanish, French, German and
Portuguese (read by ``local_foreign_words``; same line format as its GLOSSARY).

Content written out at length (ingredients, method, agenda, synopsis, bio), reasons
and recommendations, "if so" after a yes/no question. A French "résumé" is a summary
(a CV is a "CV" in French), not an upload.
"""

from __future__ import annotations

GLOSSARY_ANSWERS = """
es field ingredientes = ingredients
es field preparacion = method
es field elaboracion = method
es field modo de preparacion = method
es field biografia = bio
es field sinopsis = synopsis
es field resumen = summary
es field orden del dia = agenda
es field lista de canciones = track list
fr field ingredients = ingredients
fr field preparation = method
fr field resume = summary
fr field biographie = bio
fr field synopsis = synopsis
fr field ordre du jour = agenda
fr field liste des titres = track list
de field zutaten = ingredients
de field zubereitung = method
de field biografie = bio
de field kurzbiografie = bio
de field inhaltsangabe = synopsis
de field zusammenfassung = summary
de field tagesordnung = agenda
de field titelliste = track list
pt field ingredientes = ingredients
pt field modo de preparo = method
pt field modo de preparacao = method
pt field preparacao = method
pt field biografia = bio
pt field sinopse = synopsis
pt field resumo = summary
pt field ordem de trabalhos = agenda
pt field pauta = agenda
es field probabilidad de recomendarnos = how likely are you to recommend us
es field probabilidad de que nos recomiende = how likely are you to recommend us
es field recomendacion = how likely are you to recommend us
fr field probabilite de nous recommander = how likely are you to recommend us
fr field recommandation = how likely are you to recommend us
de field weiterempfehlung = how likely are you to recommend us
de field weiterempfehlungswahrscheinlichkeit = how likely are you to recommend us
de field wahrscheinlichkeit einer weiterempfehlung = how likely are you to recommend us
pt field probabilidade de nos recomendar = how likely are you to recommend us
pt field recomendacao = how likely are you to recommend us
"""

# "if so" / "if yes" after a yes/no question, however it is said
GLOSSARY_IF_SO = """
es word  si es asi = if so
es word  en caso afirmativo = if yes
es word  si es el caso = if so
fr word  si c'est le cas = if so
fr word  dans l'affirmative = if yes
fr word  si oui = if yes
de word  wenn ja = if yes
de word  falls ja = if yes
de word  falls zutreffend = if so
pt word  em caso afirmativo = if yes
pt word  caso sim = if yes
pt word  se sim = if yes
pt word  se for o caso = if so
"""

# "valora la organización, el catering y el lugar (1-5)": the verb asking for a rating
GLOSSARY_RATE = """
es word  valora = rate
es word  valore = rate
es word  califica = rate
es word  califique = rate
es word  puntua = rate
es word  puntue = rate
fr word  notez = rate
fr word  evaluez = rate
de word  bewerten sie = rate
de word  bewerte = rate
pt word  avalie = rate
pt word  classifique = rate
"""
