#!/usr/bin/env python3
"""Writes src/io/shaped/states.tsv, the table the table import resolves country names with.

Codes and ISO names come from the Debian iso-codes package (/usr/share/iso-codes/json);
regions and display names from the sample dataset (so an imported state is the same actor
as the sample's); territories the sample lacks get their UN M49 region here; the variants
are the spellings met in treaty-office charts, UN depositary tables, the World Bank and the
Correlates of War data. Run: python3 scripts/states_table.py
"""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
ISO = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
SAMPLE = json.load(open(ROOT / "sample-data/internet-governance.json"))["actors"]

TERRITORIES = {
    "Latin America and the Caribbean": "ABW AIA BES BLM BVT CUW CYM FLK GLP GUF MAF MSR MTQ PRI SGS SXM TCA VGB VIR",
    "Northern America": "BMU GRL SPM",
    "Northern Europe": "ALA FRO GGY IMN JEY SJM",
    "Southern Europe": "GIB",
    "Sub-Saharan Africa": "ATF IOT MYT REU SHN",
    "Northern Africa": "ESH",
    "Australia and New Zealand": "CCK CXR HMD NFK",
    "Melanesia": "NCL",
    "Micronesia": "GUM MNP UMI",
    "Polynesia": "ASM PCN PYF TKL WLF",
    "Antarctica": "ATA",
}
REGION_OF_SUB = {
    "Latin America and the Caribbean": "Americas", "Northern America": "Americas",
    "Northern Europe": "Europe", "Southern Europe": "Europe", "Sub-Saharan Africa": "Africa",
    "Northern Africa": "Africa", "Australia and New Zealand": "Oceania", "Melanesia": "Oceania",
    "Micronesia": "Oceania", "Polynesia": "Oceania", "Antarctica": "Antarctica",
}

VARIANTS = {
    "USA": "United States of America|USA|US|U.S.|U.S.A.|America",
    "GBR": "United Kingdom of Great Britain and Northern Ireland|UK|U.K.|Great Britain|Britain|England",
    "TUR": "Türkiye|Turkiye|Turkey",
    "CZE": "Czechia|Czech Republic",
    "CIV": "Côte d'Ivoire|Cote d'Ivoire|Ivory Coast",
    "KOR": "Republic of Korea|South Korea|Korea, Republic of|Korea, Rep.|Korea (Republic of)|Korea South|Korea|ROK|skorea|rok",
    "PRK": "Democratic People's Republic of Korea|North Korea|Korea, Dem. People's Rep.|Korea (Democratic People's Republic of)|Korea North|DPRK|nkorea",
    "VNM": "Viet Nam|Vietnam|Socialist Republic of Viet Nam",
    "VAT": "Holy See|Vatican|Vatican City|Holy See (Vatican City State)",
    "RUS": "Russian Federation|Russia|USSR|Soviet Union",
    "IRN": "Iran (Islamic Republic of)|Iran|Iran, Islamic Rep.",
    "SYR": "Syrian Arab Republic|Syria",
    "LAO": "Lao People's Democratic Republic|Laos|Lao PDR",
    "BOL": "Bolivia (Plurinational State of)|Bolivia",
    "VEN": "Venezuela (Bolivarian Republic of)|Venezuela|Venezuela, RB",
    "TZA": "United Republic of Tanzania|Tanzania",
    "MDA": "Republic of Moldova|Moldova",
    "MKD": "North Macedonia|The former Yugoslav Republic of Macedonia|Macedonia|FYROM",
    "SWZ": "Eswatini|Swaziland",
    "CPV": "Cabo Verde|Cape Verde",
    "COD": "Democratic Republic of the Congo|DR Congo|DRC|Congo, Dem. Rep.|Congo (Kinshasa)|Zaire|Congo, The Democratic Republic of the",
    "COG": "Republic of the Congo|Congo|Congo, Rep.|Congo (Brazzaville)",
    "MMR": "Myanmar|Burma",
    "TLS": "Timor-Leste|East Timor",
    "FSM": "Micronesia (Federated States of)|Micronesia|Federated States of Micronesia",
    "BHS": "The Bahamas|Bahamas",
    "GMB": "The Gambia|Gambia",
    "NLD": "Netherlands (Kingdom of the)|The Netherlands|Netherlands|Holland",
    "PSE": "State of Palestine|Palestine",
    "TWN": "Taiwan|Chinese Taipei|Taiwan, Province of China|Republic of China",
    "HKG": "Hong Kong|Hong Kong SAR|Hong Kong, China",
    "MAC": "Macao|Macau|Macao SAR",
    "KNA": "Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis|stkitts",
    "LCA": "Saint Lucia|St Lucia|St. Lucia",
    "VCT": "Saint Vincent and the Grenadines|St Vincent and the Grenadines|stvincent",
    "BRN": "Brunei Darussalam|Brunei",
    "XKX": "Kosovo",
    "DEU": "Germany|Federal Republic of Germany|gfr",
    "CHN": "People's Republic of China|China|PRC",
    "ARE": "United Arab Emirates|UAE",
    "LBY": "Libya|Libyan Arab Jamahiriya",
    "EGY": "Egypt|Arab Republic of Egypt|Egypt, Arab Rep.",
    "YEM": "Yemen|Yemen, Rep.",
    "KGZ": "Kyrgyzstan|Kyrgyz Republic",
    "SVK": "Slovakia|Slovak Republic",
    "DOM": "Dominican Republic|domrep",
    "TTO": "Trinidad and Tobago|trinidad",
    "ATG": "Antigua and Barbuda|antigua",
    "BIH": "Bosnia and Herzegovina|Bosnia",
    "STP": "Sao Tome and Principe|São Tomé and Príncipe",
    "GNB": "Guinea-Bissau|Guinea Bissau",
    "CAF": "Central African Republic|CAR",
    "EUU": "European Union|EU|European Community|European Communities",
}
EXTRA = [  # ISO3, ISO2, name, kind, region, subregion
    ("XKX", "XK", "Kosovo", "state", "Europe", "Southern Europe"),
    ("EUU", "EU", "European Union", "intergovernmental", "Europe", ""),
]

sample = {a.get("iso3") or a["id"]: a for a in SAMPLE}
rows = []
seen = set()
for c in ISO:
    iso3, iso2 = c["alpha_3"], c["alpha_2"]
    mine = sample.get(iso3)
    if mine:
        name, region, sub = mine["name"], mine.get("region", ""), mine.get("subregion", "")
    else:
        name = c.get("common_name", c["name"])
        sub = next(s for s, codes in TERRITORIES.items() if iso3 in codes.split())
        region = REGION_OF_SUB[sub]
    variants = [c["name"], c.get("common_name", ""), c.get("official_name", "")]
    variants += VARIANTS.get(iso3, "").split("|")
    variants = [v for v in dict.fromkeys(variants) if v and v != name]
    rows.append((iso3, iso2, name, "state", region, sub, "|".join(variants)))
    seen.add(iso3)
for iso3, iso2, name, kind, region, sub in EXTRA:
    variants = [v for v in VARIANTS.get(iso3, "").split("|") if v and v != name]
    rows.append((iso3, iso2, name, kind, region, sub, "|".join(variants)))
rows.sort()
out = ROOT / "src/io/shaped/states.tsv"
with open(out, "w") as f:
    f.write("# iso3\tiso2\tname\tkind\tregion\tsubregion\tvariants (|)  -- written by scripts/states_table.py\n")
    for row in rows:
        f.write("\t".join(row) + "\n")
print(f"{len(rows)} rows -> {out}")
