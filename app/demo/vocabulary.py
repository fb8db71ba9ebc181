"""Names, products and words the demo data is made of (German small-business flavour)."""

from __future__ import annotations

# fmt: off

FIRST_NAMES = (
    "Anna",
    "Lukas",
    "Mia",
    "Leon",
    "Emma",
    "Finn",
    "Hannah",
    "Jonas",
    "Lea",
    "Paul",
    "Sophie",
    "Felix",
    "Marie",
    "Elias",
    "Laura",
    "Noah",
    "Julia",
    "Ben",
    "Lena",
    "Tim",
    "Sarah",
    "David",
    "Clara",
    "Jan",
    "Katharina",
    "Maximilian",
    "Johanna",
    "Moritz",
    "Nina",
    "Tobias",
    "Sabine",
    "Thomas",
    "Petra",
    "Michael",
    "Claudia",
    "Andreas",
    "Birgit",
    "Stefan",
    "Monika",
    "Frank",
    "Olivia",
    "James",
    "Chloé",
    "Marco",
    "Ayşe",
    "Mehmet",
    "Piotr",
    "Agnieszka",
    "Giulia",
    "Lars",
)
LAST_NAMES = (
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Meyer",
    "Wagner",
    "Becker",
    "Schulz",
    "Hoffmann",
    "Schäfer",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Krüger",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Schmitz",
    "Krause",
    "Meier",
    "Lehmann",
    "Schmid",
    "Schulze",
    "Maier",
    "Köhler",
    "Herrmann",
    "König",
    "Walter",
    "Mayer",
    "Huber",
    "Kaiser",
    "Fuchs",
    "Peters",
    "Lang",
    "Scholz",
    "Möller",
    "Weiß",
    "Jung",
    "Hahn",
    "Vogel",
    "Yılmaz",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Smith",
    "Jansen",
    "Novak",
    "Horvat",
    "Berg",
    "Keller",
)
COMPANY_WORDS = (
    "Logistik",
    "Bau",
    "Technik",
    "Consulting",
    "Medien",
    "Handel",
    "Software",
    "Druck",
    "Elektro",
    "Maschinenbau",
    "Immobilien",
    "Energie",
    "Design",
    "Gastro",
    "Holz",
    "Metall",
    "Reisen",
    "Pharma",
    "Textil",
    "Automotive",
    "Systeme",
    "Solar",
    "Verpackung",
    "Umwelt",
    "Sicherheit",
    "Garten",
    "Optik",
    "Sanitär",
    "Finanz",
    "Bildung",
)
LEGAL_FORMS = ("GmbH", "GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG", "e.K.", "OHG", "UG")
INDUSTRIES = (
    "Manufacturing",
    "Retail",
    "IT",
    "Construction",
    "Logistics",
    "Healthcare",
    "Hospitality",
    "Energy",
    "Media",
    "Finance",
    "Education",
    "Real estate",
)
CITIES = (
    ("Berlin", "30"),
    ("Hamburg", "40"),
    ("München", "89"),
    ("Köln", "221"),
    ("Frankfurt am Main", "69"),
    ("Stuttgart", "711"),
    ("Düsseldorf", "211"),
    ("Leipzig", "341"),
    ("Dortmund", "231"),
    ("Essen", "201"),
    ("Bremen", "421"),
    ("Dresden", "351"),
    ("Hannover", "511"),
    ("Nürnberg", "911"),
    ("Wien", "1"),
    ("Zürich", "44"),
    ("Graz", "316"),
    ("Basel", "61"),
)
STREETS = (
    "Hauptstraße",
    "Bahnhofstraße",
    "Gartenweg",
    "Industriestraße",
    "Lindenallee",
    "Marktplatz",
    "Schillerstraße",
    "Goethestraße",
    "Am Hafen",
    "Mühlenweg",
)
POSITIONS = (
    "CEO",
    "Managing director",
    "Purchasing",
    "Head of IT",
    "Office manager",
    "Project lead",
    "Sales",
    "Controller",
    "Assistant",
    "Procurement officer",
)

# name, unit, price in cents, tax rate %
DEPARTMENTS = ("Sales North", "Sales South", "Key accounts", "Inside sales")
# Teams under the first two departments (name, index of the parent in DEPARTMENTS).
SUB_DEPARTMENTS = (("Team Hamburg", 0), ("Team Munich", 1))
PRODUCTS = (
    ("Consulting hour", "h", 12000, 19),
    ("Project management hour", "h", 9500, 19),
    ("Website relaunch", "pcs", 850000, 19),
    ("Website maintenance (monthly)", "month", 29900, 19),
    ("Online shop setup", "pcs", 1250000, 19),
    ("SEO package", "month", 59000, 19),
    ("Office chair Ergo 300", "pcs", 34900, 19),
    ("Standing desk Flex", "pcs", 79900, 19),
    ('Laptop 14" Business', "pcs", 129900, 19),
    ('Monitor 27" 4K', "pcs", 42900, 19),
    ("Docking station", "pcs", 18900, 19),
    ("Headset Pro", "pcs", 8900, 19),
    ("CRM licence (annual)", "year", 48000, 19),
    ("Office suite licence (annual)", "year", 14900, 19),
    ("Cloud backup 1 TB (annual)", "year", 9900, 19),
    ("Firewall appliance", "pcs", 249000, 19),
    ("Network installation", "pcs", 180000, 19),
    ("Server rack 42U", "pcs", 139000, 19),
    ("Printer A3 colour", "pcs", 219000, 19),
    ("Toner set", "pcs", 32900, 19),
    ("Copy paper (box)", "box", 2890, 19),
    ("Coffee machine Barista", "pcs", 189000, 19),
    ("Coffee beans 1 kg", "kg", 1890, 7),
    ("Catering per person", "person", 3500, 7),
    ("Trade fair stand (3x3 m)", "pcs", 450000, 19),
    ("Flyer print (1,000)", "pcs", 18900, 19),
    ("Business cards (500)", "pcs", 4900, 19),
    ("Roll-up banner", "pcs", 12900, 19),
    ("Photo shooting (half day)", "pcs", 89000, 19),
    ("Video production", "pcs", 650000, 19),
    ("Training day", "day", 149000, 19),
    ("Workshop (half day)", "pcs", 79000, 19),
    ("Security audit", "pcs", 540000, 19),
    ("Data protection consulting", "h", 14500, 19),
    ("Solar panel 400 W", "pcs", 21900, 0),
    ("Inverter 10 kW", "pcs", 189000, 0),
    ("Battery storage 10 kWh", "pcs", 649000, 0),
    ("Installation service", "h", 8500, 19),
    ("Delivery", "pcs", 4900, 19),
    ("Forklift rental (week)", "week", 89000, 19),
    ("Pallet shipping EU", "pallet", 18900, 19),
    ("Warehouse space (m², month)", "m²", 950, 19),
    ("Textbook set", "pcs", 6900, 7),
    ("Online course licence", "pcs", 29900, 19),
    ("Maintenance contract (annual)", "year", 240000, 19),
    ("Spare parts kit", "pcs", 45900, 19),
    ("CNC machining hour", "h", 11000, 19),
    ("Steel sheet 2 mm (t)", "t", 98000, 19),
    ("Wood flooring (m²)", "m²", 5900, 19),
    ("Interior design concept", "pcs", 390000, 19),
)
DEAL_TITLE_PATTERNS = (
    "{product} for {company}",
    "{product} – {company}",
    "{company}: {product}",
    "{project} {company}",
    "Order {number} – {product}",
    "{product} ({city})",
)
PROJECTS = (
    "Relaunch",
    "Framework contract",
    "Office move",
    "Annual order",
    "Pilot project",
    "Expansion",
    "Renewal",
    "Upgrade",
    "Tender",
    "Follow-up order",
    "Rollout",
    "Service contract",
)
LOSS_REASONS = (
    "Price too high",
    "Chose a competitor",
    "No budget",
    "No response",
    "Project cancelled",
    "Delivery time too long",
)
# Tasks by kind (to-do, call, meeting, e-mail), and what came of the done ones.
TASK_TITLES = (
    ("call", "Call back"),
    ("call", "Follow up on quote"),
    ("call", "Ask for feedback"),
    ("email", "Send quote"),
    ("email", "Send invoice"),
    ("email", "Send documents"),
    ("meeting", "Meeting on site"),
    ("meeting", "Product demo"),
    ("todo", "Prepare contract"),
    ("todo", "Clarify delivery date"),
    ("todo", "Check payment"),
)
TASK_RESULTS = {
    "call": ("Reached, wants a quote", "Not reached, will try again", "Agreed on next steps"),
    "meeting": ("Agreed on next steps", "Requirements clarified", "Decision by end of month"),
    "email": ("Sent",),
    "todo": ("Done",),
}
LEAD_TITLES = (
    "Enquiry via website",
    "Trade fair contact",
    "Call: interested in {product}",
    "Recommendation from {company}",
    "Newsletter reply",
    "Callback request",
)
EXTRA_PIPELINES = (
    {
        "en": "Wholesale",
        "de": "Großhandel",
        "stages": (
            ({"en": "Enquiry", "de": "Anfrage"}, "#39A8EF", "in_progress", 10),
            ({"en": "Quote sent", "de": "Angebot gesendet"}, "#2FC6F6", "in_progress", 30),
            ({"en": "Negotiation", "de": "Verhandlung"}, "#FFA900", "in_progress", 60),
            ({"en": "Order confirmed", "de": "Auftrag bestätigt"}, "#47E4C2", "in_progress", 90),
            ({"en": "Won", "de": "Gewonnen"}, "#7BD500", "won", 100),
            ({"en": "Lost", "de": "Verloren"}, "#FF5752", "lost", 0),
        ),
    },
    {
        "en": "Services",
        "de": "Dienstleistungen",
        "stages": (
            ({"en": "Briefing", "de": "Briefing"}, "#39A8EF", "in_progress", 10),
            ({"en": "Concept", "de": "Konzept"}, "#55D0E0", "in_progress", 30),
            ({"en": "Proposal", "de": "Angebot"}, "#FFA900", "in_progress", 50),
            ({"en": "Won", "de": "Gewonnen"}, "#7BD500", "won", 100),
            ({"en": "Lost", "de": "Verloren"}, "#FF5752", "lost", 0),
            ({"en": "Postponed", "de": "Verschoben"}, "#A8ADB4", "lost", 0),
        ),
    },
)
SOURCES = (
    "call",
    "email",
    "website",
    "advertising",
    "existing_client",
    "recommendation",
    "exhibition",
    "crm_form",
    "callback",
    "other",
)
SOURCE_WEIGHTS = (18, 14, 22, 8, 14, 10, 5, 4, 3, 2)
# fmt: on


# The catalog's sections, by words in a product's name (first match wins).
PRODUCT_SECTIONS = (
    (
        "Services",
        ("hour", "audit", "Training", "Workshop", "course", "consulting", "maintenance", "Maintenance"),
    ),
    (
        "Marketing & web",
        ("Website", "shop", "SEO", "Video", "Photo", "Flyer", "cards", "banner", "Trade fair"),
    ),
    ("Office furniture", ("chair", "desk")),
    (
        "IT & hardware",
        ("Laptop", "Monitor", "Docking", "Headset", "Firewall", "Network", "Server", "Printer", "Toner"),
    ),
    ("Software", ("licence", "backup")),
    ("Office supplies", ("Coffee", "Catering", "paper", "Textbook")),
    ("Energy", ("Solar", "Inverter", "Battery", "Installation")),
    ("Logistics", ("Delivery", "Forklift", "Pallet", "Warehouse")),
)


def product_section(name: str) -> str:
    return next((section for section, words in PRODUCT_SECTIONS if any(w in name for w in words)), "Other")


# German for a German demo: every English word above that a user reads (names of people, companies
# and cities are German already). Units as German invoices write them.
# fmt: off
GERMAN = {
    # products
    "Consulting hour": "Beratungsstunde", "Project management hour": "Projektmanagement-Stunde",
    "Website relaunch": "Website-Relaunch", "Website maintenance (monthly)": "Website-Pflege (monatlich)",
    "Online shop setup": "Onlineshop-Einrichtung", "SEO package": "SEO-Paket",
    "Office chair Ergo 300": "Bürostuhl Ergo 300", "Standing desk Flex": "Stehschreibtisch Flex",
    'Laptop 14" Business': 'Laptop 14" Business', 'Monitor 27" 4K': 'Monitor 27" 4K',
    "Docking station": "Dockingstation", "Headset Pro": "Headset Pro",
    "CRM licence (annual)": "CRM-Lizenz (jährlich)",
    "Office suite licence (annual)": "Office-Lizenz (jährlich)",
    "Cloud backup 1 TB (annual)": "Cloud-Backup 1 TB (jährlich)", "Firewall appliance": "Firewall-Appliance",
    "Network installation": "Netzwerkinstallation", "Server rack 42U": "Serverschrank 42 HE",
    "Printer A3 colour": "Farbdrucker A3", "Toner set": "Tonerset",
    "Copy paper (box)": "Kopierpapier (Karton)",
    "Coffee machine Barista": "Kaffeevollautomat Barista", "Coffee beans 1 kg": "Kaffeebohnen 1 kg",
    "Catering per person": "Catering pro Person", "Trade fair stand (3x3 m)": "Messestand (3x3 m)",
    "Flyer print (1,000)": "Flyerdruck (1.000 Stück)", "Business cards (500)": "Visitenkarten (500 Stück)",
    "Roll-up banner": "Roll-up-Banner", "Photo shooting (half day)": "Fotoshooting (halber Tag)",
    "Video production": "Videoproduktion", "Training day": "Schulungstag",
    "Workshop (half day)": "Workshop (halber Tag)",
    "Security audit": "Sicherheitsaudit", "Data protection consulting": "Datenschutzberatung",
    "Solar panel 400 W": "Solarmodul 400 W", "Inverter 10 kW": "Wechselrichter 10 kW",
    "Battery storage 10 kWh": "Batteriespeicher 10 kWh", "Installation service": "Montageleistung",
    "Delivery": "Lieferung", "Forklift rental (week)": "Gabelstaplermiete (Woche)",
    "Pallet shipping EU": "Palettenversand EU", "Warehouse space (m², month)": "Lagerfläche (m², Monat)",
    "Textbook set": "Lehrbuch-Set", "Online course licence": "Onlinekurs-Lizenz",
    "Maintenance contract (annual)": "Wartungsvertrag (jährlich)", "Spare parts kit": "Ersatzteilset",
    "CNC machining hour": "CNC-Bearbeitungsstunde", "Steel sheet 2 mm (t)": "Stahlblech 2 mm (t)",
    "Wood flooring (m²)": "Holzboden (m²)", "Interior design concept": "Innenarchitektur-Konzept",
    # units
    "pcs": "Stk.", "h": "Std.", "month": "Monat", "year": "Jahr", "box": "Karton", "kg": "kg",
    "person": "Person", "day": "Tag", "week": "Woche", "pallet": "Palette", "m²": "m²", "t": "t",
    # deal titles
    "{product} for {company}": "{product} für {company}", "{product} – {company}": "{product} – {company}",
    "{company}: {product}": "{company}: {product}", "{project} {company}": "{project} {company}",
    "Order {number} – {product}": "Auftrag {number} – {product}", "{product} ({city})": "{product} ({city})",
    "Relaunch": "Relaunch", "Framework contract": "Rahmenvertrag", "Office move": "Büroumzug",
    "Annual order": "Jahresauftrag", "Pilot project": "Pilotprojekt", "Expansion": "Erweiterung",
    "Renewal": "Verlängerung", "Upgrade": "Upgrade", "Tender": "Ausschreibung",
    "Follow-up order": "Folgeauftrag",
    "Rollout": "Rollout", "Service contract": "Servicevertrag",
    # reasons, tasks, leads
    "Price too high": "Preis zu hoch", "Chose a competitor": "Für einen Mitbewerber entschieden",
    "No budget": "Kein Budget", "No response": "Keine Rückmeldung", "Project cancelled": "Projekt abgesagt",
    "Delivery time too long": "Lieferzeit zu lang",
    "Call back": "Zurückrufen", "Send quote": "Angebot senden", "Send invoice": "Rechnung senden",
    "Follow up on quote": "Angebot nachfassen", "Prepare contract": "Vertrag vorbereiten",
    "Meeting on site": "Termin vor Ort", "Clarify delivery date": "Liefertermin klären",
    "Ask for feedback": "Feedback einholen", "Check payment": "Zahlungseingang prüfen",
    "Send documents": "Unterlagen senden", "Product demo": "Produktvorführung",
    "Reached, wants a quote": "Erreicht, möchte ein Angebot", "Not reached, will try again":
    "Nicht erreicht, neuer Versuch", "Agreed on next steps": "Nächste Schritte vereinbart",
    "Requirements clarified": "Anforderungen geklärt",
    "Decision by end of month": "Entscheidung bis Monatsende",
    "Sent": "Gesendet", "Done": "Erledigt",
    "Enquiry via website": "Anfrage über die Website", "Trade fair contact": "Messekontakt",
    "Call: interested in {product}": "Anruf: Interesse an {product}",
    "Recommendation from {company}": "Empfehlung von {company}", "Newsletter reply": "Antwort auf Newsletter",
    "Callback request": "Rückrufbitte",
    # departments
    "Sales North": "Vertrieb Nord", "Sales South": "Vertrieb Süd", "Key accounts": "Key Accounts",
    "Inside sales": "Innendienst", "Team Hamburg": "Team Hamburg", "Team Munich": "Team München",
    # catalog sections
    "Services": "Dienstleistungen", "Marketing & web": "Marketing & Web", "Office furniture": "Büromöbel",
    "IT & hardware": "IT & Hardware", "Software": "Software", "Office supplies": "Bürobedarf",
    "Energy": "Energie", "Logistics": "Logistik", "Other": "Sonstiges",
}
# fmt: on


class Words:
    """The demo's words in one language ("en" or "de")."""

    def __init__(self, language: str) -> None:
        table = GERMAN if language == "de" else {}

        def say(text: str) -> str:
            return table.get(text, text)

        self.say = say

        self.products = tuple((say(n), say(u), price, tax) for n, u, price, tax in PRODUCTS)
        self.sections = tuple(say(product_section(n)) for n, *_rest in PRODUCTS)
        self.deal_title_patterns = tuple(say(p) for p in DEAL_TITLE_PATTERNS)
        self.projects = tuple(say(p) for p in PROJECTS)
        self.loss_reasons = tuple(say(r) for r in LOSS_REASONS)
        self.task_titles = tuple((kind, say(t)) for kind, t in TASK_TITLES)
        self.task_results = {kind: tuple(say(r) for r in found) for kind, found in TASK_RESULTS.items()}
        self.lead_titles = tuple(say(t) for t in LEAD_TITLES)
        self.departments = tuple(say(d) for d in DEPARTMENTS)
        self.sub_departments = tuple((say(d), parent) for d, parent in SUB_DEPARTMENTS)
