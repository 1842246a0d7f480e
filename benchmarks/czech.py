"""Czech building blocks of the national benchmark catalogue: places, names, streets and prose.

Data, not logic: ``national.py`` combines them. Regions and districts are the real
ones (with each district's real number of municipalities); village names are built
from real roots, prefixes and suffixes; the prose is written per kind of help, with
``{a|b|c}`` alternatives and ``{slot}`` fillers so that no two descriptions repeat.
"""

from __future__ import annotations

# (region id, name, locative "in the region", ČSÚ code, [(district, municipalities)]).
# The order mixes large and small regions, so that a prefix of it is a fair sample of the
# country (a scale of 0.25 takes the first regions until a quarter of the municipalities).
REGIONS: list[tuple[str, str, str, str, list[tuple[str, int]]]] = [
    ("jihomoravsky-kraj", "Jihomoravský kraj", "v Jihomoravském kraji", "CZ064",
     [("Brno-venkov", 187), ("Blansko", 116), ("Břeclav", 63), ("Hodonín", 82), ("Vyškov", 80), ("Znojmo", 144), ("Brno-město", 1)]),
    ("olomoucky-kraj", "Olomoucký kraj", "v Olomouckém kraji", "CZ071",
     [("Olomouc", 97), ("Jeseník", 24), ("Prostějov", 97), ("Přerov", 104), ("Šumperk", 78)]),
    ("kralovehradecky-kraj", "Královéhradecký kraj", "v Královéhradeckém kraji", "CZ052",
     [("Hradec Králové", 104), ("Jičín", 111), ("Náchod", 78), ("Rychnov nad Kněžnou", 80), ("Trutnov", 75)]),
    ("jihocesky-kraj", "Jihočeský kraj", "v Jihočeském kraji", "CZ031",
     [("České Budějovice", 109), ("Český Krumlov", 46), ("Jindřichův Hradec", 106), ("Písek", 75), ("Prachatice", 65),
      ("Strakonice", 112), ("Tábor", 110)]),
    ("ustecky-kraj", "Ústecký kraj", "v Ústeckém kraji", "CZ042",
     [("Ústí nad Labem", 23), ("Děčín", 52), ("Chomutov", 44), ("Litoměřice", 105), ("Louny", 70), ("Most", 26), ("Teplice", 34)]),
    ("pardubicky-kraj", "Pardubický kraj", "v Pardubickém kraji", "CZ053",
     [("Pardubice", 112), ("Chrudim", 108), ("Svitavy", 116), ("Ústí nad Orlicí", 115)]),
    ("stredocesky-kraj", "Středočeský kraj", "ve Středočeském kraji", "CZ020",
     [("Benešov", 114), ("Beroun", 85), ("Kladno", 100), ("Kolín", 89), ("Kutná Hora", 88), ("Mělník", 69),
      ("Mladá Boleslav", 120), ("Nymburk", 87), ("Praha-východ", 110), ("Praha-západ", 79), ("Příbram", 121), ("Rakovník", 83)]),
    ("karlovarsky-kraj", "Karlovarský kraj", "v Karlovarském kraji", "CZ041",
     [("Karlovy Vary", 54), ("Cheb", 40), ("Sokolov", 38)]),
    ("kraj-vysocina", "Kraj Vysočina", "v Kraji Vysočina", "CZ063",
     [("Jihlava", 123), ("Havlíčkův Brod", 120), ("Pelhřimov", 120), ("Třebíč", 167), ("Žďár nad Sázavou", 174)]),
    ("liberecky-kraj", "Liberecký kraj", "v Libereckém kraji", "CZ051",
     [("Liberec", 59), ("Česká Lípa", 57), ("Jablonec nad Nisou", 34), ("Semily", 65)]),
    ("plzensky-kraj", "Plzeňský kraj", "v Plzeňském kraji", "CZ032",
     [("Plzeň-město", 15), ("Domažlice", 85), ("Klatovy", 94), ("Plzeň-jih", 90), ("Plzeň-sever", 98), ("Rokycany", 68), ("Tachov", 51)]),
    ("zlinsky-kraj", "Zlínský kraj", "ve Zlínském kraji", "CZ072",
     [("Zlín", 89), ("Kroměříž", 79), ("Uherské Hradiště", 78), ("Vsetín", 61)]),
    ("moravskoslezsky-kraj", "Moravskoslezský kraj", "v Moravskoslezském kraji", "CZ080",
     [("Ostrava-město", 13), ("Bruntál", 67), ("Frýdek-Místek", 72), ("Karviná", 17), ("Nový Jičín", 54), ("Opava", 77)]),
]
# Rough centre (lat, lon) of each region, so that coordinates of a district's towns cluster.
REGION_CENTRES = {
    "jihomoravsky-kraj": (49.10, 16.60), "olomoucky-kraj": (49.75, 17.15), "kralovehradecky-kraj": (50.35, 15.80),
    "jihocesky-kraj": (49.10, 14.40), "ustecky-kraj": (50.50, 13.90), "pardubicky-kraj": (49.90, 16.10),
    "stredocesky-kraj": (49.95, 14.50), "karlovarsky-kraj": (50.20, 12.75), "kraj-vysocina": (49.45, 15.60),
    "liberecky-kraj": (50.70, 14.95), "plzensky-kraj": (49.55, 13.30), "zlinsky-kraj": (49.20, 17.70),
    "moravskoslezsky-kraj": (49.80, 18.05), "hlavni-mesto-praha": (50.08, 14.44),
}
# The town that names a district when the district is named otherwise.
DISTRICT_TOWNS = {"Brno-venkov": "Šlapanice", "Brno-město": "Brno", "Praha-východ": "Brandýs nad Labem-Stará Boleslav",
                  "Praha-západ": "Černošice", "Plzeň-město": "Plzeň", "Plzeň-jih": "Přeštice", "Plzeň-sever": "Nýřany",
                  "Ostrava-město": "Ostrava"}
# Parts of the large towns (level part); Prague's are its numbered districts.
TOWN_PARTS = {
    "Brno": ["Brno-střed", "Královo Pole", "Žabovřesky", "Líšeň", "Bystrc", "Židenice", "Bohunice", "Starý Lískovec"],
    "Ostrava": ["Moravská Ostrava a Přívoz", "Poruba", "Ostrava-Jih", "Slezská Ostrava", "Mariánské Hory a Hulváky", "Vítkovice"],
    "Plzeň": ["Plzeň 1", "Plzeň 2-Slovany", "Plzeň 3", "Plzeň 4"],
    "Olomouc": ["Nová Ulice", "Hodolany", "Nové Sady"],
    "Liberec": ["Liberec I-Staré Město", "Vratislavice nad Nisou", "Ruprechtice"],
    "České Budějovice": ["České Budějovice 2", "České Budějovice 5", "České Budějovice 6"],
    "Hradec Králové": ["Moravské Předměstí", "Slezské Předměstí", "Nový Hradec Králové"],
    "Ústí nad Labem": ["Střekov", "Severní Terasa", "Neštěmice"],
    "Pardubice": ["Pardubice I", "Pardubice II", "Polabiny"],
    "Zlín": ["Malenovice", "Prštné", "Jižní Svahy"],
}
PRAGUE_PARTS = [f"Praha {n}" for n in range(1, 23)]

VILLAGE_ROOTS = (
    "Lhota Újezd Ves Dvůr Bor Hora Kostelec Lipník Lipová Březnice Bříza Dubá Dubňany Habry Hrádek Chlum Chotěboř Jablonné "
    "Javorník Kamenice Kněžice Kunčice Lázně Lešany Libice Lomnice Louka Luh Malenice Mokrá Mostek Olešnice Ořechov "
    "Osek Ostrov Pasohlávky Petrovice Písečná Pohoří Polná Poříčí Radošov Rokytnice Rovná Sedlec Skalice Slatina "
    "Smolnice Stránka Studená Sušice Svatava Topolany Třebovice Turnov Úvaly Valdek Vápenka Vrbice Vysoká Zahrádka "
    "Zálesí Zbraslav Želechovice Žernov Bělá Beranov Bohuslavice Bukovina Čermná Dolany Doubravice Hamry Heřmanice "
    "Hlinsko Holovousy Horka Hostěradice Hradiště Hvozd Jasenná Jeřice Kladruby Klokočov Kozlov Krásná Kunín Lazce "
    "Lesnice Libošovice Loučka Milotice Mladějov Nemojany Nová Ves Nivnice Okrouhlá Opatovice Ostrovec Pavlov Pěnčín "
    "Pisárky Plešnice Polička Prosenice Račice Radkov Rybníček Seč Sobotín Stachy Staré Město Střítež Svojšice "
    "Šebetov Tasov Trnava Tučapy Uhřice Velešín Vícov Vlčnov Vranov Zábřeh Zdounky Žďár Žeravice Bukovany Cetkovice "
    "Drahany Hluboká Jinošov Kostelany Lukov Mořice Oldřichov Prusinovice Rataje Sádek Těšetice Veselí Záhoří"
).split()
SOFT_PREFIXES = ["Horní", "Dolní", "Zadní", "Přední"]  # the same for every gender
VILLAGE_PREFIXES = [*SOFT_PREFIXES, "Velká", "Malá", "Nová", "Stará", "Vysoká", "Česká", "Moravská"]  # feminine names
VILLAGE_SUFFIXES = ["nad Labem", "nad Vltavou", "u Brna", "nad Sázavou", "pod Radhoštěm", "u Jihlavy", "nad Oslavou",
                    "u Hranic", "nad Jizerou", "pod Hostýnem", "u Rychnova", "nad Metují", "u Tábora", "v Podbořanech",
                    "nad Moravou", "u Kolína", "na Hané", "pod Kozákovem", "u Svitav", "nad Doubravou"]
STREETS = (
    "Masarykova|Husova|Nádražní|Palackého|Komenského|Školní|Zahradní|Tyršova|Riegrova|Jiráskova|Havlíčkova|Smetanova|"
    "Žižkova|Sokolská|Lidická|Revoluční|Pražská|Brněnská|Polní|Lipová|Krátká|Dlouhá|Nerudova|Dvořákova|Fibichova|"
    "Wolkerova|Kollárova|Purkyňova|Svatopluka Čecha|Boženy Němcové|Karla IV.|28. října|5. května|17. listopadu|"
    "náměstí Míru|Masarykovo náměstí|Mírové náměstí|náměstí Republiky|Náměstí Svobody|Na Výsluní|U Školy|U Nemocnice|"
    "Na Příkopě|K Nádraží|Pod Lesem|Za Humny|U Rybníka|Nemocniční|Družstevní|Okružní|Slezská|Hřbitovní|Luční|"
    "Sadová|Třída Tomáše Bati|Zámecká|Kostelní|Farní|Klášterní|Hradební|Sídliště|Bezručova|Čapkova"
).split("|")

GIVEN_NAMES = "Anna Marie Ludmila Anežka Zdislava Vincenc Josef Václav Jan Pavel Alžběta Terezie Klára Jiří Hedvika".split()
PROVIDER_WORDS = ("Naděje|Slunce|Slunečnice|Most|Prostor|Portus|Fokus|Kompas|Ječmínek|Rozkoš|Jitro|Pohoda|Úsměv|Domino|Klíč|"
                  "Benediktus|Archa|Maják|Spektrum|Cesta|Pramen|Oáza|Radost|Sárka|Horizont|Koloběh|Šance|Podané ruce|"
                  "Zahrada|Dobromysl|Jasmín|Přístav|Kotva|Otevřené dveře|Krok|Vlnka|Lávka|Bludiště|Rybka|Sluneční dvůr").split("|")

# --- prose ------------------------------------------------------------------------

# Sentences every kind of service can use; slots: {town} {district} {region_in} {year} {staff} {days} {phone_time}.
GENERAL = {
    "history": [
        "Službu {poskytujeme|provozujeme|nabízíme} od roku {year} a za tu dobu {jsme pomohli|prošlo námi} {několika tisícům|stovkám} {lidí|klientů} {z okolí|z celého okresu|z regionu}.",
        "{Začínali jsme|Začínali jsme v roce {year}} jako malý {spolek|tým} dobrovolníků, dnes {máme|tvoří nás} {staff} {stálých pracovníků|pracovnic a pracovníků}.",
        "Od roku {year} {působíme|pracujeme} {ve městě {town}|v okrese {district}|{region_in}} a {známe místní poměry|spolupracujeme s místními úřady i lékaři}.",
    ],
    "staff": [
        "Tým tvoří {staff} {sociálních pracovnic|odborníků|pracovníků v sociálních službách}, {psycholožka|zdravotní sestra|speciální pedagog} a {dobrovolníci|stážisté z vyšší odborné školy}.",
        "{Všichni|Naši} pracovníci {mají odborné vzdělání|procházejí pravidelným výcvikem} a {pracují pod supervizí|dodržují standardy kvality sociálních služeb}.",
        "Každý klient má {svého klíčového pracovníka, se kterým|jednu stálou pracovnici, se kterou} si {domluví|naplánuje} {cíle spolupráce|co potřebuje}.",
    ],
    "contact": [
        "{Zavolejte nám|Ozvěte se nám} {{phone_time}|kdykoli v pracovní době} nebo napište e-mail, {domluvíme|dohodneme} si {první schůzku|úvodní setkání}.",
        "{O službu|O pomoc} můžete požádat {sami|vy sami}, za {svého blízkého|člena rodiny} nebo prostřednictvím {sociálního odboru obecního úřadu|praktického lékaře|nemocnice}.",
        "Na první schůzce {zjistíme|probereme}, {co potřebujete|jakou pomoc hledáte} a zda {je pro vás naše služba vhodná|vám můžeme pomoci}; pokud ne, {doporučíme vám jinou|pomůžeme najít jinou službu}.",
        "{Přijít můžete|Stavte se} {bez objednání|i bez ohlášení} {days}, {jindy|v jiné dny} je lepší se {předem objednat|domluvit po telefonu}.",
    ],
    "rights": [
        "{Vše, co nám svěříte, zůstává mezi námi|Mlčenlivost je pro nás samozřejmostí} a {můžete zůstat v anonymitě|nemusíte uvádět své jméno}.",
        "Máte právo {službu kdykoli ukončit|podat stížnost|nahlédnout do své dokumentace}; {postup najdete|pravidla jsou} na našem webu {i na nástěnce|a v zařízení}.",
        "{Respektujeme|Ctíme} rozhodnutí každého klienta a {podporujeme ho|pomáháme mu} v tom, aby {co nejvíce zvládal sám|žil podle svých představ}.",
    ],
    "cooperation": [
        "{Spolupracujeme|Úzce spolupracujeme} s {městským úřadem|úřadem práce|praktickými lékaři|školami a OSPOD|dalšími službami v regionu} {ve městě {town}|v okrese {district}}.",
        "Jsme součástí {komunitního plánu sociálních služeb|sítě sociálních služeb} {ve městě {town}|{region_in}} a {finančně nás podporuje|na provoz přispívá} {kraj|město|ministerstvo práce a sociálních věcí}.",
    ],
}

FAMILIES: dict[str, dict[str, list[str]]] = {
    "poradna": {
        "intro": [
            "{Poradna|Naše poradna} {pomáhá|radí} lidem, kteří {se ocitli v těžké situaci|nevědí, na koho se obrátit} a potřebují {se zorientovat ve svých právech|odbornou radu zdarma}.",
            "{Poradíme vám|Pomůžeme vám} s {dluhy a exekucemi|nájemním bydlením|dávkami státní sociální podpory|pracovněprávními spory|rodinnými a sousedskými spory}, {vysvětlíme|projdeme} s vámi {dopisy z úřadů|smlouvy a úřední dopisy} a {navrhneme|hledáme} řešení.",
            "Poradenství je {bezplatné|zdarma}, {diskrétní|důvěrné} a {nestranné|nezávislé}; {obrátit se na nás může každý|přijďte, i když si nejste jistí, zda vám pomůžeme}.",
        ],
        "work": [
            "{Poradce|Poradkyně} s vámi {sepíše|připraví} {dopis věřiteli|odvolání|žádost o splátkový kalendář|návrh na oddlužení} a {vysvětlí|řekne}, co {bude následovat|vás čeká}.",
            "{Často|Nejčastěji} řešíme {dluhy|výpovědi z nájmu|spotřebitelské smlouvy|výživné|nárok na příspěvek na bydlení} a {pomáháme|doprovázíme} i {při jednání s exekutorem|na úřad nebo k soudu}.",
            "{Jsme akreditovaní|Máme akreditaci} ministerstva spravedlnosti pro {sepis a podání insolvenčního návrhu|oddlužení}, takže {za návrh nic neplatíte|nemusíte platit advokáta}.",
            "Pokud to potřebujete, {přijedeme|přijdeme} i {za vámi domů|do nemocnice|do domova pro seniory} – {například|zejména} když {nemůžete vycházet|jste upoutaní na lůžko}.",
        ],
        "items": ["dluhy, exekuce a oddlužení", "nájemní a vlastnické bydlení", "dávky a příspěvky", "pracovní právo", "rodinné vztahy a rozvod",
                  "ochrana spotřebitele", "sousedské spory", "důchody a invalidita", "péče o nemocného člena rodiny", "pomůcky a úpravy bytu",
                  "doprovod na úřad", "sepsání podání a žádostí"],
    },
    "terenni_pece": {
        "intro": [
            "{Pečovatelky|Pracovnice|Asistentky a asistenti} {dojíždějí|docházejí} za klienty {domů|do jejich domácností} {days} a pomáhají jim {zvládat běžný den|zůstat co nejdéle doma}.",
            "Služba je určena {seniorům|lidem se zdravotním postižením|lidem po úrazu nebo dlouhé nemoci}, kteří {už nezvládnou vše sami|potřebují pomoc druhého člověka}, ale chtějí {zůstat doma|žít ve svém prostředí}.",
            "{Pomáháme|Podporujeme} {ve městě {town} a v okolních obcích|v celém okrese {district}|v obcích, které nás financují}; {kam přesně jezdíme|seznam obcí} najdete {níže|na webu}.",
        ],
        "work": [
            "{Rozsah|Čas} pomoci si {dohodneme|domluvíme} {podle vašich potřeb|individuálně}: může jít o {půlhodinu denně|několik hodin týdně|pravidelné návštěvy ráno a večer}.",
            "{Rádi|Také} vás {doprovodíme|odvezeme} k lékaři, na úřad nebo na nákup a {pomůžeme|poradíme} s {kompenzačními pomůckami|úpravou bytu}.",
            "{Služba funguje|Jezdíme} i {o víkendech a svátcích|v podvečer|brzy ráno}, {pokud je to potřeba|když to situace vyžaduje}.",
            "{Spolupracujeme|Domlouváme se} s {domácí zdravotní péčí|praktickým lékařem|rodinou klienta}, aby {péče navazovala|na nic nezapomněli}.",
        ],
        "items": ["osobní hygiena a koupání", "příprava a podání jídla", "dovoz obědů", "nákupy a pochůzky", "úklid domácnosti",
                  "praní a žehlení prádla", "doprovod k lékaři", "dohled nad užíváním léků", "pomoc při oblékání", "procházky a společnost",
                  "péče o lůžko", "odlehčení pečující rodině"],
    },
    "pobyt_pece": {
        "intro": [
            "{Domov|Zařízení} {poskytuje|nabízí} {celoroční|nepřetržitou} péči {lidem|klientům}, kteří {už nemohou žít doma|potřebují pomoc druhých každý den}.",
            "{Bydlí u nás|Žije zde} {capacity} {klientek a klientů|obyvatel} v {jednolůžkových a dvoulůžkových pokojích|pokojích s vlastním sociálním zařízením}, {většina pokojů má balkon|k domu patří zahrada s altánem}.",
            "{Péči zajišťují|O obyvatele se starají} {pracovníci v sociálních službách|pečovatelky}, {zdravotní sestry|zdravotníci} a {aktivizační pracovnice|fyzioterapeutka} {nepřetržitě|24 hodin denně}.",
        ],
        "work": [
            "{Program dne|Denní program} {si každý volí sám|je dobrovolný}: {cvičení|trénování paměti|ruční práce|canisterapie|zpívání|bohoslužby} a {výlety|kulturní akce}.",
            "{Jídlo vaříme|Stravu připravujeme} {ve vlastní kuchyni|na místě} {pětkrát denně|včetně diet}, {na přání|podle potřeby} i {mletou nebo kašovitou|diabetickou}.",
            "{Návštěvy jsou vítány|Rodina může přijít} {kdykoli|každý den}, {blízkým|příbuzným} {nabízíme|dáváme} {možnost přespat|prostor pro soukromí}.",
            "{Žádost o přijetí|Přihlášku} {podáte|můžete podat} {osobně|poštou nebo e-mailem}; {sociální pracovnice|vedoucí} vás {pak navštíví|potom kontaktuje} a {poradí|vysvětlí}, jak {přijetí probíhá|dlouho se čeká}.",
        ],
        "items": ["ubytování a úklid", "celodenní strava", "pomoc při hygieně", "ošetřovatelská péče", "rehabilitace a cvičení",
                  "aktivizační programy", "kulturní a společenské akce", "duchovní péče", "kadeřnice a pedikúra v domě", "praní prádla",
                  "paliativní péče", "zahrada a kavárna"],
    },
    "denni": {
        "intro": [
            "{Do centra|K nám} {docházejí|dojíždějí} {přes den|ve všední dny} lidé, kteří {nemohou zůstat sami doma|potřebují společnost a dohled}, zatímco {jejich rodina pracuje|jejich blízcí chodí do práce}.",
            "{Nabízíme|Máme} {program|prostor} {pro seniory|pro lidi se zdravotním postižením|pro lidi s duševním onemocněním}, kteří {chtějí zůstat aktivní|potřebují pravidelný řád dne}.",
            "{Ráno|Dopoledne} {pro klienty přijede|klienty vyzvedne} {naše auto|náš řidič}, odpoledne je {odvezeme|dovezeme} zpět domů.",
        ],
        "work": [
            "{Během dne|Přes den} {se věnujeme|nabízíme} {keramice|vaření|zahradničení|trénování paměti|cvičení|šití|práci se dřevem} a {vycházkám|výletům do okolí}.",
            "{Pracovníci|Lektoři} {pomáhají|podporují} klienty {naučit se|udržet si} {pracovní návyky|dovednosti pro samostatný život}.",
            "{Obědy|Jídlo} {vaříme|chystáme} {společně|s klienty} nebo {dovážíme z kuchyně domova|objednáváme}, {svačinu|pitný režim} {zajišťujeme|hlídáme}.",
        ],
        "items": ["trénink paměti", "keramická dílna", "vaření a pečení", "cvičení a pohyb", "zahradnická práce", "výlety a vycházky",
                  "muzikoterapie", "dovoz a odvoz", "hygiena a péče", "práce na počítači", "kreativní dílna", "nácvik nakupování"],
    },
    "rodina_deti": {
        "intro": [
            "{Pomáháme|Podporujeme} rodinám s dětmi, které {řeší|procházejí} {obtížné období|složitou situaci} – {dluhy|hrozbu ztráty bydlení|problémy ve škole|výchovné potíže}.",
            "{Pracovnice|Sociální pracovnice} {dochází|jezdí} {za rodinou domů|do rodiny} a {spolu s rodiči|s rodiči i dětmi} {hledá|plánuje} cestu, jak {situaci zvládnout|to zvládnout vlastními silami}.",
            "{Do klubu|K nám} mohou {přijít|chodit} děti a dospívající {od 6 do 20 let|od 11 do 26 let} {bez objednání|kdykoli v otevírací době}, {zdarma|anonymně}.",
        ],
        "work": [
            "{Pomůžeme|Poradíme} s {doučováním|přípravou do školy|hospodařením s penězi|hledáním bydlení|komunikací se školou a úřady}.",
            "{V klubu|U nás} {je|najdete} {stolní fotbal|hudební zkušebna|počítače|knihovna|kuchyňka}, {hrajeme|pořádáme} {turnaje|výlety|letní tábory}.",
            "{Spolupráce|Podpora} je {dobrovolná|bezplatná} a {trvá|může trvat} {několik měsíců|tak dlouho, jak je potřeba}; {s OSPOD|se školou} {komunikujeme jen s vaším souhlasem|spolupracujeme, pokud chcete}.",
        ],
        "items": ["doučování a příprava do školy", "rodičovské dovednosti", "hospodaření a dluhy", "hledání bydlení", "doprovod na úřady",
                  "volnočasové aktivity", "prevence rizikového chování", "poradenství pro dospívající", "pomoc se vztahy v rodině",
                  "setkávání rodičů", "výlety a tábory", "podpora při návratu dětí z ústavní péče"],
    },
    "krize": {
        "intro": [
            "{Pomáháme|Jsme tu pro} lidem, kteří {se ocitli v akutní krizi|zažívají něco, co je přesahuje} – {po úmrtí blízkého|po rozchodu|po napadení|při myšlenkách na sebevraždu}.",
            "{Zavolat|Obrátit se} {můžete|lze} {nonstop|kdykoli ve dne i v noci}, {anonymně|bez udání jména}; {pracovníci|konzultanti} {vás vyslechnou|s vámi situaci proberou} a {pomohou najít další krok|pomohou zorientovat se}.",
            "{Služba je určena|Jsme určeni} {lidem ohroženým domácím násilím|obětem trestných činů|lidem v krizi a jejich blízkým} {{region_in}|v celém regionu}.",
        ],
        "work": [
            "{Po vykázání|Po zásahu policie} vás {sami kontaktujeme|ozveme se vám} do {48 hodin|dvou dnů} a {pomůžeme|připravíme} {bezpečnostní plán|návrh předběžného opatření}.",
            "{Nabízíme|Poskytujeme} {krizovou intervenci|krátkodobou terapii|psychologickou podporu} {osobně, po telefonu i chatem|osobně i po telefonu}.",
            "V případě {potřeby|ohrožení} {zajistíme|zprostředkujeme} {krátký pobyt|ubytování} v {krizovém lůžku|azylovém domě s utajenou adresou}.",
        ],
        "items": ["krizová intervence", "bezpečnostní plán", "právní informace", "doprovod k soudu a na policii", "psychologická podpora",
                  "podpora blízkých", "krizové lůžko", "chat a e-mailové poradenství", "pomoc dětem svědkům násilí", "následná podpora"],
    },
    "bydleni_nouze": {
        "intro": [
            "{Pomáháme|Jsme tu pro} lidem, kteří {přišli o bydlení|nemají kde spát|žijí na ulici nebo v ubytovnách}, {a to bez ohledu na to|bez ohledu na to}, {jak se do situace dostali|proč se to stalo}.",
            "{Nabízíme|Poskytujeme} {dočasné ubytování|přenocování|zázemí přes den} a {pomoc|podporu} při {hledání práce a bydlení|vyřizování dokladů a dávek}.",
            "{Terénní pracovníci|Naši pracovníci} {vyhledávají|navštěvují} lidi {na ulici|v ubytovnách|v sociálně vyloučených lokalitách} {ve městě {town}|v okrese {district}} a {nabízejí pomoc přímo na místě|pomáhají přímo na místě}.",
        ],
        "work": [
            "{Ubytování|Pobyt} je {na dobu|nejdéle na} {jeden rok|tři měsíce|jednu noc}, {během pobytu|mezitím} s vámi {sociální pracovník|pracovnice} {připraví plán|hledá řešení}.",
            "{Kromě|Vedle} {ubytování|noclehu} {můžete využít|nabízíme} {sprchu|pračku|teplé jídlo|úschovu dokladů|adresu pro doručování pošty}.",
            "{Příspěvek|Úhrada} na {ubytování|nocleh} je {nízký|symbolický} a {v nouzi|v tíživé situaci} {ho lze snížit|se dá odložit}.",
        ],
        "items": ["ubytování", "hygiena a praní prádla", "teplé jídlo a nápoj", "pomoc s doklady", "vyřízení dávek", "hledání práce",
                  "hledání bydlení", "adresa pro doručování", "zdravotní ošetření", "výdej potravin", "šatník", "doprovod na úřady"],
    },
    "zavislosti": {
        "intro": [
            "{Pomáháme|Jsme tu pro} lidem, kteří {užívají drogy|mají problém s alkoholem nebo hazardem}, a {jejich blízkým|jejich rodinám}.",
            "{Služby jsou|Vše je} {anonymní|bezplatné} a {nesoudíme|nikoho nesoudíme}; {cílem|naším cílem} je {snížit rizika|chránit zdraví} a {pomoci na cestu k léčbě|podpořit změnu}.",
            "{Po léčbě|Po návratu z léčby} {pomáháme|podporujeme} klienty {udržet abstinenci|vrátit se do běžného života} a {najít práci a bydlení|obnovit vztahy}.",
        ],
        "work": [
            "{Nabízíme|Poskytujeme} {výměnu injekčního materiálu|testy na HIV a žloutenku|poradenství|motivační rozhovory} a {zprostředkujeme léčbu|doporučíme léčebné zařízení}.",
            "{V komunitě|V programu} {žije|pracuje} {malá skupina|dvanáct až patnáct} {klientů|lidí} s {pevným denním řádem|jasnými pravidly} a {terapií|pracovní terapií}.",
            "{Rodiče|Blízcí} {mohou přijít|se mohou obrátit} i sami, {bez|aniž by přivedli} {svého syna nebo dceru|závislého člověka}.",
        ],
        "items": ["výměna injekčního materiálu", "testování infekcí", "motivační rozhovory", "zprostředkování léčby", "skupinová terapie",
                  "individuální terapie", "pracovní terapie", "poradenství pro rodiče", "prevence předávkování", "doléčovací program"],
    },
    "rehabilitace": {
        "intro": [
            "{Pomáháme|Podporujeme} lidem {se zdravotním postižením|s duševním onemocněním|po úrazu nebo nemoci}, aby {zvládli život co nejvíce samostatně|se vrátili k běžnému životu}.",
            "{Trénujeme|Nacvičujeme} {dovednosti|činnosti}, které {každý den potřebujete|člověk potřebuje pro samostatný život}: {vaření|cestování hromadnou dopravou|hospodaření s penězi|hledání práce}.",
            "{Tlumočníci|Naši pracovníci} {doprovodí|pomohou} {neslyšícím|nevidomým} {u lékaře|na úřadě|ve škole} a {tlumočí|převádějí} {do českého znakového jazyka|do srozumitelné podoby}.",
        ],
        "work": [
            "{S každým|Spolu s vámi} {sestavíme|naplánujeme} {individuální plán|postup}, {co se chcete naučit|čeho chcete dosáhnout}, a {pravidelně|každé tři měsíce} ho {vyhodnocujeme|upravujeme}.",
            "{Pomáháme|Podporujeme} při {hledání zaměstnání|přípravě na pohovor|nástupu do práce} a {spolupracujeme|jednáme} se {zaměstnavateli|úřadem práce}.",
            "{Půjčujeme|Nabízíme} i {kompenzační pomůcky|pomůcky pro nevidomé|počítačové programy pro slabozraké}.",
        ],
        "items": ["nácvik vaření a nakupování", "cestování hromadnou dopravou", "hospodaření s penězi", "hledání práce", "komunikace s úřady",
                  "tlumočení do znakového jazyka", "práce s počítačem", "nácvik prostorové orientace", "podpora v zaměstnání", "skupinové aktivity"],
    },
    "komunita": {
        "intro": [
            "{Setkáváme se|Scházíme se} {každý týden|pravidelně} {v klubovně|v komunitním centru|v sále kulturního domu}; {přijít může každý|noví členové jsou vítáni}.",
            "{Dobrovolníci|Naši dobrovolníci} {navštěvují|doprovázejí} {osamělé seniory|děti z dětského domova|lidi v nemocnici a v domovech}, {doučují|předčítají} a {povídají si|tráví s nimi čas}.",
            "{Pořádáme|Připravujeme} {přednášky|kurzy|výlety|besedy} a {nabízíme|máme} {místo, kde se lidé potkávají|prostor pro setkávání sousedů}.",
        ],
        "work": [
            "{Program|Kalendář akcí} {najdete|zveřejňujeme} {na webu|na nástěnce u vchodu|ve zpravodaji města}, {většina akcí je zdarma|na některé akce se vybírá malé vstupné}.",
            "{Potraviny|Oblečení} {vydáváme|předáváme} {na doporučení sociálního pracovníka|lidem v nouzi}, {obvykle|zpravidla} {jednou týdně|každou středu}.",
            "{Kurzy češtiny|Adaptační kurzy} {vedou|připravují} {zkušení lektoři|dobrovolní lektoři} a {pomáhají|radí} i s {úřady|školou|hledáním práce}.",
        ],
        "items": ["přednášky a besedy", "výlety", "cvičení pro seniory", "kurzy na počítači", "návštěvy dobrovolníků", "výdej potravin",
                  "výdej oblečení", "kurzy češtiny", "doučování dětí", "sousedská setkání", "svépomocná skupina", "půjčování pomůcek"],
    },
}

# Service types: id → (weight in the registry, family, forms, target groups, capacity unit, paid,
# area profile, name patterns). Area profiles: "local" (the town and a few around it), "district",
# "region", "mixed" (any of them, mostly local), "wide" (a region or two).
TYPES: dict[str, tuple] = {
    "odborne-socialni-poradenstvi": (560, "poradna", [["outpatient"], ["outpatient", "field"]], ["osoby-v-zadluzeni", "osoby-v-krizi", "seniori", "rodiny-s-detmi", "osoby-s-telesnym-postizenim", "osoby-bez-pristresi"], "interventions", 0.0, "mixed",
                                     ["Občanská poradna {town}", "Poradna pro lidi v tísni {town}", "Sociální poradna {provider}", "Dluhová poradna {town}", "Poradna {word} {town}"]),
    "osobni-asistence": (230, "terenni_pece", [["field"]], ["osoby-s-telesnym-postizenim", "osoby-s-kombinovanym-postizenim", "osoby-s-mentalnim-postizenim", "seniori", "osoby-s-chronickym-onemocnenim"], "clients", 1.0, "district",
                         ["Osobní asistence {provider}", "Osobní asistence {town}", "Asistenční služba {word}"]),
    "pecovatelska-sluzba": (700, "terenni_pece", [["field"], ["field", "outpatient"]], ["seniori", "osoby-s-telesnym-postizenim", "osoby-s-chronickym-onemocnenim", "osoby-zijici-s-demenci"], "clients", 1.0, "local",
                            ["Pečovatelská služba {town}", "Pečovatelská služba {provider}", "Charitní pečovatelská služba {town}"]),
    "tisnova-pece": (40, "terenni_pece", [["field"]], ["seniori", "osoby-s-telesnym-postizenim", "osoby-s-chronickym-onemocnenim"], "clients", 1.0, "wide",
                     ["Tísňová péče {word}", "Tísňová péče {provider}"]),
    "pruvodcovske-a-predcitatelske-sluzby": (20, "rehabilitace", [["field", "outpatient"]], ["osoby-se-zrakovym-postizenim", "osoby-s-kombinovanym-postizenim"], "clients", 1.0, "region",
                                             ["Průvodcovská a předčitatelská služba {town}"]),
    "podpora-samostatneho-bydleni": (90, "rehabilitace", [["field"]], ["osoby-s-mentalnim-postizenim", "osoby-s-chronickym-dusevnim-onemocnenim"], "clients", 1.0, "district",
                                     ["Podpora samostatného bydlení {provider}", "Podpora samostatného bydlení {town}"]),
    "odlehcovaci-sluzby": (330, "terenni_pece", [["field"], ["residential"], ["outpatient"]], ["seniori", "osoby-zijici-s-demenci", "osoby-s-kombinovanym-postizenim", "pecujici-osoby"], "clients", 1.0, "mixed",
                           ["Odlehčovací služba {town}", "Odlehčovací služba {provider}", "Respitní péče {word}"]),
    "centra-dennich-sluzeb": (60, "denni", [["outpatient"]], ["seniori", "osoby-zijici-s-demenci", "osoby-s-mentalnim-postizenim"], "clients", 1.0, "local",
                              ["Centrum denních služeb {town}", "Centrum denních služeb {word}"]),
    "denni-stacionare": (260, "denni", [["outpatient"]], ["seniori", "osoby-zijici-s-demenci", "osoby-s-mentalnim-postizenim", "osoby-s-kombinovanym-postizenim"], "clients", 1.0, "local",
                         ["Denní stacionář {word}", "Denní stacionář {town}", "Denní stacionář {provider}"]),
    "tydenni-stacionare": (60, "pobyt_pece", [["residential"]], ["osoby-s-mentalnim-postizenim", "osoby-s-kombinovanym-postizenim"], "beds", 1.0, "region",
                           ["Týdenní stacionář {word}", "Týdenní stacionář {town}"]),
    "domovy-pro-osoby-se-zdravotnim-postizenim": (200, "pobyt_pece", [["residential"]], ["osoby-s-mentalnim-postizenim", "osoby-s-kombinovanym-postizenim", "osoby-s-telesnym-postizenim"], "beds", 1.0, "region",
                                                  ["Domov {word} {town}", "Domov pro osoby se zdravotním postižením {town}"]),
    "domovy-pro-seniory": (530, "pobyt_pece", [["residential"]], ["seniori", "osoby-s-chronickym-onemocnenim", "osoby-zijici-s-demenci"], "beds", 1.0, "district",
                           ["Domov pro seniory {town}", "Domov pro seniory {word}", "Domov {word} {town}", "Senior dům {word}"]),
    "domovy-se-zvlastnim-rezimem": (360, "pobyt_pece", [["residential"]], ["osoby-zijici-s-demenci", "osoby-s-chronickym-dusevnim-onemocnenim", "osoby-ohrozene-zavislosti"], "beds", 1.0, "region",
                                    ["Domov se zvláštním režimem {town}", "Domov {word} se zvláštním režimem"]),
    "chranene-bydleni": (220, "pobyt_pece", [["residential"]], ["osoby-s-mentalnim-postizenim", "osoby-s-chronickym-dusevnim-onemocnenim", "osoby-s-kombinovanym-postizenim"], "beds", 1.0, "district",
                         ["Chráněné bydlení {word}", "Chráněné bydlení {town}"]),
    "socialni-sluzby-poskytovane-ve-zdravotnickych-zarizenich-luzkove-pece": (250, "pobyt_pece", [["residential"]], ["seniori", "osoby-s-chronickym-onemocnenim", "osoby-s-potrebou-paliativni-pece"], "beds", 1.0, "district",
                                                                              ["Sociální lůžka nemocnice {town}", "Sociální lůžka léčebny {town}"]),
    "rana-pece": (50, "rodina_deti", [["field"], ["field", "outpatient"]], ["rodiny-s-detmi", "osoby-s-kombinovanym-postizenim", "osoby-se-zrakovym-postizenim", "osoby-se-sluchovym-postizenim"], "clients", 0.0, "wide",
                  ["Raná péče {word}", "Středisko rané péče {town}"]),
    "telefonicka-krizova-pomoc": (40, "krize", [["field"]], ["osoby-v-krizi", "deti-a-mladez-ohrozene-spolecensky-nezadoucimi-jevy", "seniori"], "calls", 0.0, "wide",
                                  ["Linka důvěry {town}", "Krizová linka {word}", "Linka pro seniory {word}"]),
    "tlumocnicke-sluzby": (30, "rehabilitace", [["field", "outpatient"]], ["osoby-se-sluchovym-postizenim", "osoby-s-kombinovanym-postizenim"], "clients", 0.0, "region",
                           ["Tlumočnická služba {town}", "Tlumočení pro neslyšící {word}"]),
    "azylove-domy": (200, "bydleni_nouze", [["residential"]], ["osoby-bez-pristresi", "rodiny-s-detmi", "obeti-domaciho-nasili", "osoby-v-krizi"], "beds", 1.0, "district",
                     ["Azylový dům pro matky s dětmi {word}", "Azylový dům pro muže {town}", "Azylový dům pro ženy {town}", "Azylový dům {word}"]),
    "domy-na-pul-cesty": (30, "bydleni_nouze", [["residential"]], ["osoby-opoustejici-ustavni-peci"], "beds", 1.0, "region",
                          ["Dům na půl cesty {word}", "Dům na půl cesty {town}"]),
    "kontaktni-centra": (60, "zavislosti", [["outpatient"]], ["osoby-ohrozene-zavislosti", "osoby-vedouci-rizikovy-zpusob-zivota"], "contacts", 0.0, "local",
                         ["Kontaktní centrum {town}", "K-centrum {word}"]),
    "krizova-pomoc": (60, "krize", [["outpatient"], ["outpatient", "residential"]], ["osoby-v-krizi", "obeti-trestne-cinnosti"], "interventions", 0.0, "district",
                      ["Krizové centrum {town}", "Krizová pomoc {word}"]),
    "intervencni-centra": (15, "krize", [["outpatient", "field"]], ["obeti-domaciho-nasili", "osoby-v-krizi"], "interventions", 0.0, "region",
                           ["Intervenční centrum {town}"]),
    "nizkoprahova-denni-centra": (70, "bydleni_nouze", [["outpatient"]], ["osoby-bez-pristresi", "osoby-vedouci-rizikovy-zpusob-zivota"], "contacts", 0.0, "local",
                                  ["Nízkoprahové denní centrum {town}", "Denní centrum {word}"]),
    "nizkoprahova-zarizeni-pro-deti-a-mladez": (230, "rodina_deti", [["outpatient"], ["outpatient", "field"]], ["deti-a-mladez-ohrozene-spolecensky-nezadoucimi-jevy", "rodiny-s-detmi"], "contacts", 0.0, "local",
                                                ["Nízkoprahový klub {word} {town}", "NZDM {word}", "Klub pro mládež {word}"]),
    "nocleharny": (80, "bydleni_nouze", [["residential"]], ["osoby-bez-pristresi"], "beds", 1.0, "local",
                   ["Noclehárna {town}", "Noclehárna {word}"]),
    "sluzby-nasledne-pece": (40, "zavislosti", [["outpatient"], ["outpatient", "residential"]], ["osoby-ohrozene-zavislosti", "osoby-s-chronickym-dusevnim-onemocnenim"], "clients", 0.0, "district",
                             ["Doléčovací centrum {town}", "Služby následné péče {word}"]),
    "socialne-aktivizacni-sluzby-pro-rodiny-s-detmi": (480, "rodina_deti", [["field"], ["field", "outpatient"]], ["rodiny-s-detmi", "osoby-v-socialne-vyloucenych-lokalitach", "osoby-v-zadluzeni"], "clients", 0.0, "district",
                                                       ["Sociálně aktivizační služba pro rodiny {town}", "Rodinná podpora {word}", "SASRD {provider}"]),
    "socialne-aktivizacni-sluzby-pro-seniory-a-osoby-se-zdravotnim-postizenim": (310, "denni", [["outpatient"], ["outpatient", "field"]], ["seniori", "osoby-s-telesnym-postizenim", "osoby-se-zrakovym-postizenim"], "clients", 0.0, "district",
                                                                                 ["Aktivizační centrum pro seniory {town}", "Klub aktivního stáří {word}", "Aktivizační služby {provider}"]),
    "socialne-terapeuticke-dilny": (120, "denni", [["outpatient"]], ["osoby-s-mentalnim-postizenim", "osoby-s-chronickym-dusevnim-onemocnenim"], "clients", 1.0, "local",
                                    ["Sociálně terapeutická dílna {word}", "Dílna {word} {town}"]),
    "terapeuticke-komunity": (20, "zavislosti", [["residential"]], ["osoby-ohrozene-zavislosti"], "beds", 1.0, "wide",
                              ["Terapeutická komunita {word}"]),
    "terenni-programy": (220, "bydleni_nouze", [["field"]], ["osoby-bez-pristresi", "osoby-v-socialne-vyloucenych-lokalitach", "osoby-ohrozene-zavislosti", "etnicke-mensiny"], "contacts", 0.0, "district",
                         ["Terénní program {town}", "Terénní program {provider}", "Streetwork {word}"]),
    "socialni-rehabilitace": (380, "rehabilitace", [["outpatient"], ["outpatient", "field"], ["field"]], ["osoby-s-chronickym-dusevnim-onemocnenim", "osoby-s-mentalnim-postizenim", "osoby-se-zrakovym-postizenim", "osoby-bez-pristresi"], "clients", 0.0, "district",
                              ["Sociální rehabilitace {provider}", "Sociální rehabilitace {town}", "Centrum sociální rehabilitace {word}"]),
    # related activities (no §)
    "svepomocne-skupiny": (40, "komunita", [["outpatient"]], ["pecujici-osoby", "osoby-s-chronickym-dusevnim-onemocnenim", "osoby-ohrozene-zavislosti"], None, 0.0, "local",
                           ["Svépomocná skupina {word} {town}", "Skupina pro pečující {town}"]),
    "dobrovolnicka-centra": (60, "komunita", [["field"]], ["seniori", "rodiny-s-detmi"], None, 0.0, "district",
                             ["Dobrovolnické centrum {town}", "Dobrovolníci {provider}"]),
    "kluby-senioru": (90, "komunita", [["outpatient"]], ["seniori"], None, 0.0, "local", ["Klub seniorů {town}", "Senior klub {word} {town}"]),
    "potravinove-banky": (60, "komunita", [["outpatient"]], ["osoby-bez-pristresi", "osoby-v-zadluzeni", "rodiny-s-detmi"], None, 0.0, "district",
                          ["Potravinová pomoc {town}", "Výdejna potravin {town}"]),
    "dluhove-poradny": (50, "poradna", [["outpatient"]], ["osoby-v-zadluzeni"], None, 0.0, "district", ["Dluhová poradna {word} {town}"]),
    "pujcovny-kompenzacnich-pomucek": (40, "rehabilitace", [["outpatient"]], ["seniori", "osoby-s-telesnym-postizenim", "pecujici-osoby"], None, 1.0, "district",
                                       ["Půjčovna kompenzačních pomůcek {town}"]),
    "poradny-pro-rodinu": (40, "poradna", [["outpatient"]], ["rodiny-s-detmi", "osoby-v-krizi"], None, 0.0, "district", ["Poradna pro rodinu {town}", "Manželská a rodinná poradna {town}"]),
    "komunitni-centra": (40, "komunita", [["outpatient"]], ["osoby-v-socialne-vyloucenych-lokalitach", "seniori", "rodiny-s-detmi"], None, 0.0, "local",
                         ["Komunitní centrum {word} {town}"]),
    "prepravni-sluzby": (30, "komunita", [["field"]], ["seniori", "osoby-s-telesnym-postizenim"], None, 1.0, "district", ["Senior taxi {town}", "Přepravní služba {word}"]),
    "socialni-satniky": (20, "komunita", [["outpatient"]], ["osoby-bez-pristresi", "rodiny-s-detmi"], None, 0.0, "local", ["Sociální šatník {town}"]),
    "jazykove-kurzy-pro-cizince": (20, "komunita", [["outpatient"]], ["imigranti-a-azylanti"], None, 0.0, "region", ["Integrační centrum pro cizince {town}"]),
    "rodinna-centra": (40, "rodina_deti", [["outpatient"]], ["rodiny-s-detmi"], None, 0.0, "local", ["Rodinné centrum {word} {town}", "Mateřské centrum {word}"]),
}

SUMMARIES = {
    "poradna": ["Bezplatné poradenství pro lidi {v tíživé situaci|s dluhy, bydlením nebo rodinnými problémy} {ve městě {town} a okolí|v okrese {district}}.",
                "{Rada|Pomoc} zdarma při {dluzích|sporech|jednání s úřady}, {osobně i po telefonu|diskrétně a nestranně}."],
    "terenni_pece": ["{Pomoc|Péče} {seniorům a lidem se zdravotním postižením|lidem, kteří se bez pomoci neobejdou,} přímo doma {ve městě {town} a okolí|v okrese {district}}.",
                     "{Pečovatelky|Pracovnice} dojíždějí {domů|za klienty} {každý den|i o víkendech}, aby lidé mohli zůstat doma."],
    "pobyt_pece": ["{Celoroční bydlení s péčí|Domov s nepřetržitou péčí} pro {lidi|klienty}, kteří už nemohou žít sami {ve městě {town}|v okrese {district}}.",
                   "{Pobytová|Celoroční} péče v {klidném prostředí|domově se zahradou} {ve městě {town}|na okraji obce {town}}."],
    "denni": ["{Denní program|Program přes den} a péče pro {seniory|lidi s postižením}, kteří nechtějí být doma sami.",
              "{Místo|Prostor}, kam lidé {docházejí přes den|chodí na program} {ve městě {town}|v okrese {district}}."],
    "rodina_deti": ["{Podpora|Pomoc} pro rodiny s dětmi a dospívající {ve městě {town}|v okrese {district}}, zdarma.",
                    "{Klub|Pomoc} pro děti a mladé lidi, kteří {řeší něco těžkého|chtějí mít kam jít}."],
    "krize": ["{Okamžitá|Rychlá} pomoc lidem v krizi {{region_in}|nonstop}.",
              "{Krizová pomoc|Pomoc a bezpečí} pro {oběti násilí|lidi v akutní krizi} {{region_in}|v celém regionu}."],
    "bydleni_nouze": ["{Ubytování|Pomoc} pro lidi bez domova {ve městě {town}|v okrese {district}}.",
                      "{Zázemí|Nocleh} a {pomoc s doklady|cesta zpět k bydlení} pro lidi, kteří přišli o domov."],
    "zavislosti": ["{Anonymní|Bezplatná} pomoc lidem se závislostí a jejich blízkým {ve městě {town}|{region_in}}."],
    "rehabilitace": ["{Nácvik|Podpora} samostatného života pro lidi s postižením {ve městě {town}|v okrese {district}}."],
    "komunita": ["{Setkávání|Pomoc} pro {seniory|sousedy|rodiny} {ve městě {town}|v obci {town}}, otevřené všem."],
}

PROVIDER_PROSE = [
    "{name} {je|působí jako} {nezisková organizace|{legal}}, která {od roku {year}|už přes {age} let} {pomáhá lidem|poskytuje sociální služby} {ve městě {town}|v okrese {district}|{region_in}}.",
    "{Provozujeme|Nabízíme} {několik sociálních služeb|sociální služby i související aktivity} a {zaměstnáváme|máme} {staff} {pracovníků|zaměstnanců a desítky dobrovolníků}.",
    "{Naším posláním je|Chceme}, aby {lidé v nouzi|senioři a lidé s postižením|rodiny v těžké situaci} {našli pomoc blízko domova|mohli žít důstojně a co nejvíce samostatně}.",
    "{Hospodaření|Výroční zprávy} {zveřejňujeme|najdete} {na webu|v rejstříku}; {na provoz přispívají|nás podporují} {kraj|obce|dárci a nadace}.",
    "{Služby|Naše služby} {mohou využít|využívají} {lidé bez ohledu na vyznání|všichni bez rozdílu}.",
    "{Rádi přivítáme|Hledáme} {dobrovolníky|nové kolegy} {i dárce|a partnery}; {ozvěte se|napište nám}.",
]

PHONE_TIMES = ["v pracovní dny od 8 do 16 hodin", "v úterý a ve čtvrtek dopoledne", "každý všední den", "nonstop"]
DAYS = ["v pondělí a ve středu", "v úterý odpoledne", "každý všední den dopoledne", "ve čtvrtek", "od pondělí do pátku"]

LIFE_SITUATIONS = [  # (id, title, summary, gathers types, gathers groups, order, paragraphs, items)
    ("pece-o-blizkeho-doma", "Starám se o blízkého doma", "Pečujete doma o rodiče, partnera nebo dítě? Nemusíte na to být sami.",
     ["pecovatelska-sluzba", "osobni-asistence", "odlehcovaci-sluzby", "tisnova-pece", "pujcovny-kompenzacnich-pomucek"], [], 10,
     ["**Péče o blízkého je náročná.** Pomoc si můžete rozdělit s pečovatelskou službou, osobní asistencí nebo odlehčovací službou, která péči na čas převezme.",
      "Požádejte o **příspěvek na péči** na úřadu práce; na pomůcky přispívá zdravotní pojišťovna a úřad práce."],
     ["Domluvte se s praktickým lékařem na tom, co péče obnáší.", "Zjistěte, které služby do vaší obce jezdí.", "Nezapomínejte na sebe: odpočinek je součást péče."]),
    ("nemam-kde-bydlet", "Přicházím o bydlení", "Výpověď z bytu, dluh na nájmu nebo noc venku: co dělat hned.",
     ["azylove-domy", "nocleharny", "nizkoprahova-denni-centra", "terenni-programy"], ["osoby-bez-pristresi", "rodiny-s-detmi"], 20,
     ["**Jednejte hned.** Výpověď se dá často odvrátit dohodou o splátkách. Poradny pomohou posoudit, zda je výpověď platná.",
      "Když už nemáte kde spát, noclehárny přijímají večer, denní centra nabízejí hygienu a jídlo přes den."],
     ["Zajděte do občanské poradny.", "Požádejte o příspěvek nebo doplatek na bydlení.", "Obraťte se na sociální odbor obecního úřadu."]),
    ("dluhy-a-exekuce", "Mám dluhy nebo exekuci", "Dluhy se dají řešit – a poradenství je zdarma.",
     ["odborne-socialni-poradenstvi", "dluhove-poradny"], ["osoby-v-zadluzeni"], 30,
     ["**Neschovávejte dopisy do šuplíku.** Dluhy rychle rostou o úroky a náklady exekuce.",
      "Akreditovaná poradna sepíše návrh na oddlužení zdarma; nikomu neplaťte předem."],
     ["Sepište si, komu a kolik dlužíte.", "Přednostně plaťte nájem, energie a výživné.", "Nepůjčujte si na splácení jiných dluhů."]),
    ("domaci-nasili", "Zažívám domácí násilí", "Násilí v rodině není soukromá věc. Pomoc je dostupná hned a diskrétně.",
     ["intervencni-centra", "azylove-domy", "krizova-pomoc"], ["obeti-domaciho-nasili"], 40,
     ["**Jste-li v ohrožení, volejte 158.** Policie může násilnou osobu vykázat ze společného obydlí na deset dní.",
      "Intervenční centra se vám po vykázání ozvou sama a pomohou s bezpečnostním plánem i s návrhem k soudu."],
     ["Uložte si důležitá čísla.", "Připravte si doklady a léky pro případ odchodu.", "Svěřte se někomu, komu věříte."]),
    ("zavislost", "Závislost v rodině", "Drogy, alkohol nebo hazard: pomoc pro závislé i jejich blízké.",
     ["kontaktni-centra", "terapeuticke-komunity", "sluzby-nasledne-pece"], [], 50,
     ["**Změna je možná.** Kontaktní centra pomáhají anonymně a bez odsuzování, terapeutické komunity nabízejí dlouhodobou léčbu.",
      "Blízcí se mohou poradit i sami, bez závislého člověka."],
     ["Mluvte o tom otevřeně a bez výčitek.", "Nehraďte za závislého dluhy.", "Vyhledejte poradenství pro rodiče a partnery."]),
    ("osamelost-ve-stari", "Cítím se ve stáří osaměle", "Kluby, dobrovolníci a aktivizační služby pro seniory.",
     ["kluby-senioru", "socialne-aktivizacni-sluzby-pro-seniory-a-osoby-se-zdravotnim-postizenim", "dobrovolnicka-centra"], ["seniori"], 60,
     ["**Samota škodí zdraví.** Kluby seniorů, aktivizační služby a dobrovolníci nabízejí společnost, program i pomoc.",
      "Zeptejte se na obecním úřadě, co se ve vaší obci pořádá."],
     ["Zkuste jedno setkání klubu.", "Požádejte o návštěvy dobrovolníka.", "Domluvte se se sousedy."]),
    ("dite-s-postizenim", "Naše dítě má postižení", "Raná péče, asistence a podpora rodin od narození dítěte.",
     ["rana-pece", "osobni-asistence", "odlehcovaci-sluzby"], ["rodiny-s-detmi", "osoby-s-kombinovanym-postizenim"], 70,
     ["**Raná péče** jezdí za rodinou domů od narození dítěte do sedmi let a pomáhá s vývojem dítěte i s úřady.",
      "Na pomůcky a péči můžete dostat příspěvky; poradkyně vám pomůže se žádostmi."],
     ["Požádejte o příspěvek na péči.", "Zjistěte si nárok na průkaz ZTP.", "Hledejte podporu u jiných rodičů."]),
]

PAGES = [
    ("o-katalogu", "O katalogu", 10,
     "**Zkušební data.** Tento katalog vznikl pro měření výkonu generátoru: poskytovatelé, služby, adresy i telefonní čísla jsou smyšlené; kraje a okresy jsou skutečné.\n\n"
     "Katalog ukazuje, kdo v České republice pomáhá lidem v nepříznivé životní situaci: komu je služba určena, kde a kdy ji najdete, kolik stojí a jak se na ni obrátit.\n"),
    ("jak-hledat", "Jak hledat pomoc", 20,
     "Začněte od toho, co se vám děje (životní situace), od toho, pro koho pomoc hledáte, nebo od místa, kde bydlíte.\n\n"
     "- **Místo:** služby s adresou ve vaší obci a služby, které do ní dojíždějí.\n- **Hledání:** napište pár slov, diakritika ani koncovky nevadí.\n"),
]

# Fillers that give each description words of its own (a search index of real catalogues
# holds thousands of distinct words, not the few hundred of a template).
ACTIVITIES = (
    "keramika|pletení košíků|šití na stroji|malování na hedvábí|zpěv lidových písní|četba na pokračování|trénink paměti|"
    "jóga na židli|nordic walking|turistické vycházky|kuželky|šachy|karetní hry|společenské hry|vaření z regionálních surovin|"
    "pečení vánočního cukroví|zdobení kraslic|práce na zahradě|pěstování bylinek|péče o zvířata|canisterapie|hipoterapie|"
    "muzikoterapie|arteterapie|dramaterapie|tanec v sedě|bubnování|fotografování|práce s tabletem|kurz chytrého telefonu|"
    "besedy s pamětníky|promítání filmů|návštěvy divadla|výlety do muzeí|poznávací zájezdy|bowling|plavání|cvičení v bazénu|"
    "rehabilitační cvičení|relaxace|reminiscenční terapie|tvorba kroniky|výroba svíček|práce se dřevem|drátkování|"
    "paličkování|háčkování|vyšívání|výroba šperků|korálkování|quilling|ubrouskovou technika|florbal|stolní tenis|"
    "graffiti workshop|beatbox|hudební zkušebna|doučování matematiky|příprava na přijímací zkoušky|kurz finanční gramotnosti"
).split("|")
TOPICS = (
    "insolvence|splátkové kalendáře|výživné|rozvod a péče o děti|dědictví|nájemní smlouvy|kauce|energie a zálohy|"
    "reklamace|podomní prodej|předváděcí akce|pracovní smlouvy|výpověď z práce|mzda a srážky ze mzdy|nemocenská|"
    "invalidní důchod|starobní důchod|příspěvek na péči|příspěvek na mobilitu|průkaz ZTP|dávky hmotné nouze|"
    "doplatek na bydlení|mimořádná okamžitá pomoc|přídavek na dítě|rodičovský příspěvek|sociální bydlení|"
    "opatrovnictví|podpůrná opatření|svéprávnost|zdravotní pojištění|regulační poplatky|pomůcky od pojišťovny|"
    "bezbariérové úpravy bytu|sousedské vztahy|domácí násilí|stalking|šikana|kyberšikana|závislost na hazardu|"
    "lichva|nebankovní půjčky|exekuční příkazy|oddlužení|osobní bankrot|ručení za úvěr|společné jmění manželů"
).split("|")
EXTRA_SENTENCES = [
    "{Mezi oblíbené aktivity patří|Klienti si oblíbili|Nabízíme například} {act}, {act2} a {act3}.",
    "{Nejčastěji|Často} se na nás lidé obracejí kvůli tématům, jako jsou {topic}, {topic2} nebo {topic3}.",
    "{Jezdíme|Dojíždíme|Pomáháme} {také|i} {do obcí|v obcích} {near}.",
    "{V posledních letech|Letos} jsme {rozšířili|doplnili} nabídku o {act} a {topic}.",
]
# Village names are also built as stem + ending (Bohuslavice, Radotín, Dubňany…), as most Czech ones are.
VILLAGE_STEMS = (
    "Bohusla Rado Dobro Lito Kněž Jaro Mira Vlasti Sobě Bělo Choce Zbra Velko Hosti Ludmi Bukov Lip Javor Jedl Olš Březin "
    "Habr Dub Vrb Lesk Hrád Kamen Písk Hlin Mokr Studen Slav Ratib Mysl Bolesl Vrat Čern Bíl Zelen Krás Sedl Rybn Mlýn "
    "Kostel Dvor Bor Hrab Lub Střel Jablon Kun Pet Vlč Zah Ořech Mni Klok Stra Boš Dra Ho Kře Lu Přeh Rou Se Tě Ú Vše "
    "Zdi Žel Bystř Chlum Hněv Jiř Kozl Lib Mast Nem Ostr Pra Ryb Sta Tros Vald Záb Želez Chot Nepom Radim Prostěj Třeb"
).split()
VILLAGE_ENDINGS = ["ov", "ovice", "ice", "any", "ín", "ec", "ná", "nice", "ětice", "ovany", "ná Lhota", "ov Újezd", "sko", "ky", "šov", "ňany"]
