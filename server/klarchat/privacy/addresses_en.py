"""Postal addresses as people write them in English: US, British and Irish.

An address is found as one block, so the visitor is told "one address" and no
line of it reaches the provider: an anchor (a numbered street, a unit before a
street, a house name, a PO box, or a town with its postcode, ZIP or Eircode)
and then, for as long as they follow, the parts that continue it (unit, town,
state and ZIP, postcode, county, country), joined by commas, spaces or line
breaks. A town counts only next to a street or a postcode: "a store in Leeds"
names no one.

Libraries checked first: ``pyap2`` (the kept fork of ``pyap``, regex-based,
offline) finds complete US and British addresses, but misses a street in
running text ("38 Elm Grove in Bristol"), takes about 1.5 ms (US) and 7 ms
(GB) per 300-character message against a budget of 8 ms for all recognizers,
and needs the country named in advance. ``usaddress`` parses a string already
known to be an address; it does not find one in text. Hand-written patterns
with the USPS suffix list cost well under a millisecond.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from klarchat.privacy.results import explained_result

# USPS Publication 28 street suffixes (names and standard abbreviations) and the
# British and Irish ones USPS lacks.
_SUFFIXES = sorted(
    set(
        """
        Alley Aly Annex Anx Arcade Arc Avenue Ave Av Bayou Byu Beach Bch Bend Bnd Bluff Blf
        Bluffs Blfs Bottom Btm Boulevard Blvd Branch Br Bridge Brg Brook Brk Brooks Burg Bg
        Burgs Bypass Byp Camp Cp Canyon Cyn Cape Cpe Causeway Cswy Center Ctr Centre Centers
        Circle Cir Circles Cliff Clf Cliffs Clfs Club Clb Common Cmn Commons Cmns Corner Cor
        Corners Cors Course Crse Court Ct Courts Cts Cove Cv Coves Creek Crk Crescent Cres
        Crest Crst Crossing Xing Crossroad Xrd Crossroads Curve Curv Dale Dl Dam Dm Divide
        Dv Drive Dr Drives Estate Est Estates Ests Expressway Expy Extension Ext Extensions
        Fall Falls Fls Ferry Fry Field Fld Fields Flds Flat Flt Flats Ford Frd Fords Forest
        Frst Forge Frg Forges Fork Frk Forks Frks Fort Ft Freeway Fwy Garden Gdn Gardens Gdns
        Gateway Gtwy Glen Gln Glens Green Grn Greens Grove Grv Gr Groves Harbor Hbr Harbour
        Harbors Haven Hvn Heights Hts Highway Hwy Hill Hl Hills Hls Hollow Holw Inlet Island
        Is Islands Iss Isle Junction Jct Junctions Key Ky Keys Knoll Knl Knolls Lake Lk Lakes
        Lks Land Landing Lndg Lane Ln Light Lgt Lights Loaf Lf Lock Lck Locks Lodge Ldg Loop
        Mall Manor Mnr Manors Meadow Mdw Meadows Mdws Mews Mill Ml Mills Mission Msn Motorway
        Mount Mt Mountain Mtn Mountains Neck Nck Orchard Orch Oval Overpass Opas Park Parks
        Parkway Pkwy Parkways Pass Passage Psge Path Pike Pine Pne Pines Pnes Place Pl Plain
        Pln Plains Plns Plaza Plz Point Pt Points Pts Port Prt Ports Prts Prairie Pr Radial
        Radl Ramp Ranch Rnch Rapid Rpd Rapids Rpds Rest Rst Ridge Rdg Ridges River Riv Road
        Rd Roads Rds Route Rte Row Rue Run Shoal Shl Shoals Shore Shr Shores Skyway Skwy
        Spring Spg Springs Spgs Spur Spurs Square Sq Squares Station Sta Stravenue Stra
        Stream Strm Street St Str Streets Summit Smt Terrace Ter Terr Throughway Trwy Trace
        Trce Track Trak Trafficway Trfy Trail Trl Trailer Tunnel Tunl Turnpike Tpke Underpass
        Upas Union Un Unions Valley Vly Valleys Via Viaduct Vdct View Vw Views Village Vlg
        Villages Ville Vl Vista Vis Walk Walks Wall Way Wy Ways Well Wells
        Close Cl Rise Approach Parade Pde Broadway Circus Chase Croft Drove Esplanade Garth
        Gate Grange Hey Mead Nook Quay Vale Wharf Wynd Yard Embankment Villas Cottages
        Promenade Prom Ride End Side Bank Market Hill Heath Fold Leys Paddock Park
        """.split()  # noqa: SIM905 (a word list reads better as a block)
    ),
    key=lambda word: (-len(word), word),
)
_SUFFIX = rf"(?=\p{{Lu}})(?i:{'|'.join(_SUFFIXES)})\.?(?![\p{{L}}\d'’-])"
_LOWER_SUFFIX = r"(?:street|road|avenue|lane|drive|boulevard|terrace|crescent|parkway|close|way|court|place)(?![\p{L}])"
_DIRECTION = r"(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?"
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’.-]*|\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH)|of|the|de|la|del|on|upon)"
_HOUSE_NUMBER = r"(?<![\p{L}\p{N}.,/:-])\d{1,6}[A-Za-z]?(?:[ ]?[-–/][ ]?\d{1,5}[A-Za-z]?)?"
_GAP = r"[ \t]{1,3}"
_STREET_NAME = (
    rf"(?:{_DIRECTION}{_GAP})?(?:{_NAME_WORD}{_GAP}){{1,4}}{_SUFFIX}"
    rf"(?:{_GAP}(?:NW|NE|SW|SE|N|S|E|W)\.?(?![\p{{L}}\d]))?"
)
_UNIT = (
    r"(?:(?<![\p{L}])(?i:apt|apartment|suite|ste|unit|flat|studio|room|rm|floor|fl|bldg|building"
    r"|lot|space|spc|dept|trlr|ph|penthouse)\.?[ \t]{0,3}(?:no\.?[ \t]?)?\#?|\#[ \t]?)"
    r"(?:\d{1,5}[A-Za-z]?|[A-Za-z]\d{0,4}|\d{1,3}-\d{1,4})(?![\p{L}\d])"
)
_SEP = r"(?:[ \t]*,[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*|[ \t]{1,3})"
_LINE_SEP = r"(?:[ \t]*,[ \t]*(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*)"
_TOWN = r"\p{Lu}[\p{L}'’.-]+(?:[ \t]\p{Lu}[\p{L}'’.-]+){0,2}"
_HOUSE_NAME = (
    r"(?:\p{Lu}\p{Ll}+[ \t]){1,2}(?:Cottage|House|Farm|Lodge|Barn|Manor|Hall|Villa|Mill"
    r"|Grange|Farmhouse|Bungalow|Croft)"
)
_PO_BOX = (
    r"(?<![\p{L}])(?i:p\.?[ \t]?o\.?[ \t]?box|post[ \t]office[ \t]box|box)[ \t]{1,3}\d{1,6}(?!\d)"
)
_MILITARY = (
    r"(?:(?:PSC|CMR|Unit)[ \t]\d{4},?[ \t]Box[ \t]\d{4}|(?:USNS|USS|USNV|USCGC)[ \t]\p{Lu}\p{L}+)"
)
_US_STATES = (  # noqa: SIM905 (a word list reads better as a block)
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV "
    "NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR GU VI AS MP FM MH PW"
    " AA AE AP"
).split()
# Codes that are also everyday upper-case words need a town and comma before them.
_AMBIGUOUS_STATES = {"ID", "IN", "ME", "OK", "OR", "HI", "DE", "PA", "LA", "CO", "AS", "AE", "AA"}
_STATE_NAMES = (
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    r"|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts"
    r"|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New[ ]Hampshire"
    r"|New[ ]Jersey|New[ ]Mexico|New[ ]York|North[ ]Carolina|North[ ]Dakota|Ohio|Oklahoma|Oregon"
    r"|Pennsylvania|Rhode[ ]Island|South[ ]Carolina|South[ ]Dakota|Tennessee|Texas|Utah|Vermont"
    r"|Virginia|Washington|West[ ]Virginia|Wisconsin|Wyoming"
)
_STATE = rf"(?:{'|'.join(_US_STATES)}|{_STATE_NAMES})"
_ZIP = r"\d{5}(?:[ ]?-[ ]?\d{4})?(?!\d)"
_STATE_ZIP = rf"(?:{_STATE}|(?:APO|FPO|DPO)[ \t](?:AA|AE|AP))[ \t]{{1,3}}{_ZIP}"
_UNAMBIGUOUS_STATE_ZIP = (
    rf"(?<![\p{{L}}])(?:{'|'.join(s for s in _US_STATES if s not in _AMBIGUOUS_STATES)})"
    rf"[ \t]{{1,3}}{_ZIP}"
)
_UK_POSTCODE = (
    r"(?<![\p{L}\d])(?:GIR[ ]?0AA|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\d])"
)
_EIRCODE = r"(?<![\p{L}\d])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ]?[0-9AC-FHKNPRTV-Y]{4}(?![\p{L}\d])"
_COUNTY = r"(?:Co\.|County)[ \t]\p{Lu}\p{L}+"
_COUNTRY = (
    r"(?:USA|U\.S\.A\.|US|United[ ]States(?:[ ]of[ ]America)?|UK|U\.K\.|United[ ]Kingdom"
    r"|Great[ ]Britain|England|Scotland|Wales|Northern[ ]Ireland|Ireland|Canada)(?![\p{L}])"
)
_POSTAL_CODE = rf"(?:{_STATE_ZIP}|{_UK_POSTCODE}|{_EIRCODE})"

# The cheap look-ahead first: the alternatives are only tried where an
# address can start, not at every lower-case letter of a message.
_ANCHOR_START = (
    r"(?=[\d\p{Lu}\#]|(?i:p\.?[ \t]?o|box|apt|apartment|suite|ste|unit|flat|studio|room)[ .\t])"
)
_ANCHOR = regex.compile(
    _ANCHOR_START
    + "(?:"
    + "|".join(
        (
            rf"(?P<street>(?:{_UNIT}{_SEP})?{_HOUSE_NUMBER},?{_GAP}{_STREET_NAME})",
            rf"(?P<lower>{_HOUSE_NUMBER}{_GAP}(?:(?!(?:the|a|an|on|in|at|of|to|and|or|my|your)[ \t])"
            rf"\p{{Ll}}[\p{{Ll}}'’-]*{_GAP}){{1,2}}{_LOWER_SUFFIX})",
            rf"(?P<unit>{_UNIT}{_SEP}(?:{_HOUSE_NUMBER}{_GAP})?{_STREET_NAME})",
            rf"(?P<house>{_HOUSE_NAME}{_LINE_SEP}(?:{_HOUSE_NUMBER}{_GAP})?{_STREET_NAME})",
            rf"(?P<box>{_PO_BOX}|{_MILITARY})",
            rf"(?P<town_code>(?:{_TOWN}{_LINE_SEP}|{_TOWN}[ \t]{{1,3}})?(?:{_STATE_ZIP}|{_UK_POSTCODE}))",
            rf"(?P<code>{_UNAMBIGUOUS_STATE_ZIP}|{_EIRCODE}|{_TOWN},?[ \t]{_COUNTY})",
        )
    )
    + ")",
    regex.MULTILINE,
)
# What may continue an address, each after a separator; a town alone only
# after a comma or line break (with a district number: "Dublin 2"), or after
# "in" ("38 Elm Grove in Bristol").
_TAIL = regex.compile(
    rf"(?:{_SEP}(?:{_UNIT}|{_POSTAL_CODE}|{_COUNTY}|{_TOWN},?[ \t]{{0,3}}{_POSTAL_CODE}|{_COUNTRY})"
    rf"|{_LINE_SEP}(?:{_TOWN})(?:[ \t]\d{{1,2}}(?!\d))?|[ \t]{{1,3}}in[ \t]{{1,3}}(?:{_TOWN}))",
    regex.MULTILINE,
)
_WORD = regex.compile(r"[\p{L}'’.]+")
_MAX_TAILS = 6
# Words that begin many place names ("New Sarah", "Port Hayley", "Co. Clare") or
# name a unit ("Suite 300"), though they are stop words for names.
_ADDRESS_WORDS = frozenset(
    "New Old North South East West Great Little Upper Lower Lake Port Mount Fort Saint St"  # noqa: SIM905 (a word list reads better as a block)
    " County City Town Bay Park Hill Glen Unit Box Suite Apt Apartment Flat Studio Floor"
    " Room Building".split()
)
# A numbered street outranks everything: its name part is often a first name
# ("59 Kevin Gardens"), which a name recognizer and its context words may score 1.0.
_SCORES = {"street": 1.0, "lower": 0.6, "unit": 1.0, "house": 0.75, "box": 0.75}
_CODE_SCORE = 0.7


class EnglishAddressRecognizer(LocalRecognizer):
    """Whole US, British and Irish addresses in text, each as one LOCATION."""

    def __init__(self, *, language: str, stop_words: Iterable[str], context: Iterable[str]) -> None:
        super().__init__(
            supported_entities=["LOCATION"],
            supported_language=language,
            name=f"EnglishAddressRecognizer_{language}",
            context=list(context),
        )
        self.stop_words = frozenset(stop_words) - _ADDRESS_WORDS

    def load(self) -> None:
        """Nothing to load: the patterns are compiled at import."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Each anchor, extended over the parts that continue it; touching blocks joined."""
        if not any(c.isdigit() for c in text):
            return []
        blocks: list[tuple[int, int, float, str]] = []
        for match in _ANCHOR.finditer(text):
            kind = match.lastgroup or "code"
            start = (
                self._trim_start(text, match.start(), match.end())
                if kind == "town_code"
                else match.start()
            )
            end = self._extend(text, match.end())
            if blocks and start <= blocks[-1][1]:
                last = blocks[-1]
                blocks[-1] = (
                    last[0],
                    max(last[1], end),
                    max(last[2], _SCORES.get(kind, _CODE_SCORE)),
                    last[3],
                )
            else:
                blocks.append((start, end, _SCORES.get(kind, _CODE_SCORE), kind))
        return [
            explained_result(self, "LOCATION", start, end, score, f"postal address ({kind})")
            for start, end, score, kind in blocks
        ]

    def _extend(self, text: str, end: int) -> int:
        for _ in range(_MAX_TAILS):
            tail = _TAIL.match(text, end)
            if not tail:
                break
            cut = self._before_stop_word(text, tail.start(), tail.end())
            if cut <= end:
                break
            end = cut
            if cut < tail.end():
                break
        return end

    def _before_stop_word(self, text: str, start: int, end: int) -> int:
        """End of ``text[start:end]`` cut before its first stop word ("Leeds Thanks")."""
        for word in _WORD.finditer(text, start, end):
            if word.group().rstrip(".") in self.stop_words:
                return len(text[start : word.start()].rstrip(" \t,\r\n")) + start
        return end

    def _trim_start(self, text: str, start: int, end: int) -> int:
        """Start of a town-and-code match after any leading stop words ("Thanks London SW1A 1AA")."""
        for word in _WORD.finditer(text, start, end):
            if word.group().rstrip(".") not in self.stop_words:
                return word.start()
        return start
