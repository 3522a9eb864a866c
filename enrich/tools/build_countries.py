#!/usr/bin/env python3
"""Builds enrich's country gazetteer (countries.tsv) from public facts plus a curated list.

Usage, from the repository root:
    python3 enrich/tools/build_countries.py ../shared/data/countries/reference \
        > enrich/src/main/resources/io/newsflow/enrich/tag/country/countries.tsv

Facts read: ISO 3166-1 codes, English short names and capitals from GeoNames countryInfo.txt
(CC-BY 4.0); nationality adjectives from mordecai's nat_df.csv (MIT). The curated part below adds
alternative names, plural demonyms, seats of government, fixes of spelling, surfaces dropped as
too ambiguous, and blocking surfaces (place names that contain a country name but are not one).
"""
import csv
import sys
from pathlib import Path

# canonical short names where GeoNames uses an older or less common form
NAMES = {"CZ": "Czechia", "MK": "North Macedonia", "SZ": "Eswatini", "PS": "Palestine", "TL": "Timor-Leste",
         "CV": "Cabo Verde", "MO": "Macao", "CI": "Côte d'Ivoire", "VA": "Vatican City",
         "BQ": "Bonaire, Sint Eustatius and Saba"}

ALIASES = {
    "US": ["United States of America", "U.S.", "US", "USA", "U.S.A.", "America", "U.S.A"],
    "GB": ["Britain", "Great Britain", "U.K.", "UK", "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation"],
    "KP": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "North Korea"],
    "KR": ["Republic of Korea", "ROK", "Korea"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "VN": ["Viet Nam"], "LA": ["Lao PDR"], "MK": ["Macedonia", "Republic of North Macedonia"],
    "CZ": ["Czech Republic"], "SK": ["Slovak Republic"],
    "CI": ["Cote d'Ivoire", "Ivory Coast"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"], "MM": ["Burma"], "TL": ["East Timor"], "CV": ["Cape Verde"],
    "VA": ["Holy See", "Vatican"], "PS": ["Palestinian Territories", "State of Palestine", "Palestinian Territory"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"], "AE": ["UAE", "U.A.E."], "NL": ["Holland", "The Netherlands"],
    "BS": ["The Bahamas"], "GM": ["The Gambia"], "KN": ["St. Kitts and Nevis"], "LC": ["St. Lucia"],
    "VC": ["St. Vincent and the Grenadines"], "TT": ["Trinidad"], "AG": ["Antigua"],
    "ST": ["São Tomé and Príncipe"], "MO": ["Macau"], "CW": ["Curaçao"], "RE": ["Réunion"],
    "BL": ["Saint Barthélemy"], "TR": ["Türkiye", "Turkiye"], "SA": ["Kingdom of Saudi Arabia"],
    "DE": ["Federal Republic of Germany"], "FR": ["French Republic"], "MD": ["Republic of Moldova"],
    "FM": ["Federated States of Micronesia"], "BN": ["Brunei Darussalam"], "SY": ["Syrian Arab Republic"],
    "VE": ["Bolivarian Republic of Venezuela"], "BO": ["Plurinational State of Bolivia"], "KG": ["Kyrgyz Republic"],
    "IE": ["Republic of Ireland", "Eire"], "AX": ["Åland Islands", "Åland"], "VI": ["US Virgin Islands"],
}

# demonyms missing from the adjective table or written as nouns, and plurals that do not add "s"
DEMONYMS = {
    "US": ["Americans"], "GB": ["Britons", "Brits", "Brit", "Briton"], "TR": ["Turks", "Turk"],
    "PL": ["Poles", "Pole"], "SE": ["Swedes", "Swede"], "DK": ["Danes", "Dane"], "FI": ["Finns", "Finn"],
    "ES": ["Spaniards", "Spaniard"], "RS": ["Serbs"], "HR": ["Croats", "Croat"],
    "PH": ["Filipinos", "Filipina", "Filipinas"], "NZ": ["New Zealanders", "Kiwis"], "SA": ["Saudis"],
    "KR": ["Korean", "Koreans", "South Koreans"], "KP": ["North Koreans"], "IL": ["Israelis"],
    "FR": ["Frenchman", "Frenchmen", "Frenchwoman"], "NL": ["Dutchman", "Dutchmen"],
    "CZ": ["Czechs"], "SK": ["Slovaks"], "IQ": ["Iraqis"], "PK": ["Pakistanis"], "AF": ["Afghans"],
    "KW": ["Kuwaitis"], "QA": ["Qataris"], "YE": ["Yemenis"], "OM": ["Omanis"], "BH": ["Bahrainis"],
    "AE": ["Emiratis"], "BD": ["Bangladeshis"], "AZ": ["Azerbaijanis", "Azeris"], "KZ": ["Kazakhs"],
    "UZ": ["Uzbeks"], "TJ": ["Tajiks", "Tajik"], "SO": ["Somalis"], "CA": ["Canadians"],
    "CD": ["Congolese"], "DO": ["Dominicans"], "GR": ["Greeks"], "TH": ["Thais"], "KH": ["Khmer"],
    "MM": ["Burmese"], "LA": ["Laotians"], "IR": ["Iranians"],
}

SEATS = {
    "US": ["White House", "Pentagon"], "RU": ["Kremlin"], "GB": ["Downing Street", "Whitehall"],
    "FR": ["Élysée", "Elysee", "Elysée", "Élysée Palace", "Elysee Palace", "Quai d'Orsay"],
    "CN": ["Zhongnanhai"], "KR": ["Blue House"], "NL": ["The Hague"], "PS": ["Ramallah"], "BJ": ["Cotonou"],
    "BO": ["La Paz"], "CI": ["Abidjan"], "TZ": ["Dar es Salaam"], "IL": ["Knesset"],
}

# capitals: spelling fixes and additions, and capitals dropped because the word is more often
# something else (a person, a US town, a common noun)
CAPITALS = {
    "CH": ["Bern", "Berne"], "LY": ["Tripoli"], "SG": [], "MN": ["Ulaanbaatar", "Ulan Bator"],
    "UA": ["Kyiv", "Kiev"], "IM": [], "BR": ["Brasília", "Brasilia"], "CO": ["Bogotá", "Bogota"],
    "CR": ["San José"], "MM": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"], "KZ": ["Astana", "Nur-Sultan"],
    "CM": ["Yaoundé", "Yaounde"], "TG": ["Lomé", "Lome"], "PY": ["Asunción", "Asuncion"], "YE": ["Sanaa", "Sana'a"],
    "IS": ["Reykjavík", "Reykjavik"], "CW": ["Willemstad"], "SC": [], "BM": [], "JM": [], "NF": [], "GY": [],
    "KY": [], "MS": [], "SH": [], "AI": [], "FK": [], "MV": [], "RE": [], "CC": [], "GG": [], "PS": [],
    "IN": ["New Delhi"], "DJ": [], "LU": [], "MC": [], "GI": [], "HK": [], "MO": [], "SM": [], "VA": [],
    "KW": ["Kuwait City"], "PA": ["Panama City"], "GT": ["Guatemala City"], "MX": ["Mexico City"],
    "PR": ["San Juan"], "US": ["Washington", "Washington, D.C.", "Washington D.C.", "Washington DC"], "AG": ["St. John's"], "GD": ["St. George's"], "CX": [], "VI": [], "VG": [],
}
DROP_NAMES = {"JE", "AN", "CS", "UM", "BV", "HM", "TF", "IO"}

# surfaces that contain a country's name but refer to something else; the longest match wins, so
# listing them keeps "New Mexico" from counting as Mexico
BLOCKS = [
    "New Mexico", "New Mexican", "New Mexicans", "New Jersey", "New England", "New Guinea", "Jersey City",
    "Latin America", "Latin American", "Latin Americans", "South America", "South American", "South Americans",
    "North America", "North American", "North Americans", "Central America", "Central American",
    "Central Americans", "Americas", "Pan American", "Pan-American", "Native American", "Native Americans",
    "American Indian", "American Indians", "Indian Ocean", "Persian Gulf", "Korean Peninsula", "English Channel",
    "Northern Ireland", "Western Australia", "South Australia", "Indian Country", "Turkish Cypriot",
    "Great Lakes", "Georgia Tech", "Washington State", "Washington state", "Irish Sea", "Arabian Sea",
    "Dutch Harbor", "French Quarter", "French Riviera", "Swiss Alps", "Mexican Gulf", "Gulf of Mexico",
    "China Sea", "South China Sea", "East China Sea", "Sea of Japan", "Chinatown", "Little Italy",
    "British Columbia", "Canary Islands", "Balearic Islands", "Panama Canal", "Suez Canal", "Mexico Beach",
]


def main(reference: Path) -> None:
    rows = []
    iso3 = {}
    seen = set()

    def add(code, kind, surface):
        key = (code, surface)
        if surface and key not in seen:
            seen.add(key)
            rows.append((code, kind, surface))

    geonames = []
    for line in (reference / "geonames_countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        geonames.append((f[0], f[1], f[4].strip(), f[5].strip()))
        iso3[f[1]] = f[0]
    for code, _, name, capital in geonames:
        if code in DROP_NAMES:
            continue
        add(code, "name", NAMES.get(code, name))
        add(code, "name", name)
        for alias in ALIASES.get(code, []):
            add(code, "name", alias)
    nationalities = {}
    with open(reference / "mordecai_nat_df.csv", encoding="utf-8") as f:
        for row in csv.reader(f):
            if len(row) != 2 or row[0] == "nationality":
                continue
            word, code3 = row[0].strip(), row[1].strip()
            code = iso3.get(code3)
            # one country per word: the sovereign state where the table lists two
            if code is None or word in nationalities or " or " in word or word in {"UK", "Antarctic",
                    "Channel Islander", "Channel Island", "Guambat"}:
                continue
            nationalities[word] = code
    nationalities["Congolese"] = "CD"
    nationalities["Dominican"] = "DO"
    for word, code in nationalities.items():
        if code in DROP_NAMES:
            continue
        add(code, "demonym", word)
        if word[0].isupper() and not word.endswith(("ese", "ss", "sh", "ch", "i", "Lao", "Thai", "Swiss",
                                                        "Malagasy", "Basotho", "Magyar", "Manx", "Island",
                                                        "Gibraltar", "Guadeloupe", "Bonaire", "Svalbard",
                                                        "Liechtenstein", "Sint Maarten", "Hellenic", "Polish",
                                                        "Czech", "Slovak", "Seychellois", "Martiniquais",
                                                        "Réunionnais", "Pierrais", "Miquelonnais", "Kiribati",
                                                        "Vanuatu", "Monégasque", "Burkinabé", "Irish",
                                                        "Turkmen", "Swazi", "Persian", "Philippine",
                                                        "Luxembourgish")):
            add(code, "demonym", word + "s")
    for code, words in DEMONYMS.items():
        for word in words:
            add(code, "demonym", word)
    for code, _, name, capital in geonames:
        if code in DROP_NAMES:
            continue
        capitals = CAPITALS.get(code, [capital])
        for c in capitals:
            if c and c != name:
                add(code, "capital", c)
    for code, seats in SEATS.items():
        for seat in seats:
            add(code, "seat", seat)
    for block in BLOCKS:
        add("-", "block", block)
    out = sys.stdout
    out.write("# newsflow country gazetteer: code, kind (name|demonym|capital|seat|block), surface.\n")
    out.write("# The first name of a code is its canonical short name. Generated by enrich/tools/build_countries.py\n")
    out.write("# from GeoNames countryInfo (CC-BY 4.0) and mordecai nationalities (MIT); see NOTICE.\n")
    for code, kind, surface in rows:
        out.write(f"{code}\t{kind}\t{surface}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
