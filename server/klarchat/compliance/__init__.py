"""The site owner's compliance file: record of processing (GDPR Art. 30), technical and
organisational measures (Art. 32), deletion concept, DPIA screening (Art. 35) and
processor checklist (Art. 28), written by `klarchat docs`.

Built from the same settings and code as the privacy notice (`consent.policy`), so that
what the data-protection officer signs cannot drift from what the server does:
`facts.py` gathers, `dpia.py` screens, `gaps.py` names what is missing, `markdown.py`
renders, `documents.py` lists and writes the documents.
"""
