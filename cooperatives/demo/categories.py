"""The demo category tree: top-level families and their leaves, in French, Arabic and English.

Each leaf carries a colour used to draw its products' demo pictures.
"""

CATEGORY_TREE = [
    {
        "key": "argan-huiles",
        "name": {"fr": "Argan et huiles", "ar": "الأركان والزيوت", "en": "Argan and oils"},
        "children": [
            (
                "huile-argan",
                {"fr": "Huile d'argan", "ar": "زيت الأركان", "en": "Argan oil"},
                "#c98a2b",
            ),
            (
                "huile-olive",
                {"fr": "Huile d'olive", "ar": "زيت الزيتون", "en": "Olive oil"},
                "#7d8c2a",
            ),
            (
                "autres-huiles",
                {"fr": "Autres huiles", "ar": "زيوت أخرى", "en": "Other oils"},
                "#b07a3c",
            ),
        ],
    },
    {
        "key": "epicerie",
        "name": {"fr": "Épicerie fine", "ar": "البقالة الرفيعة", "en": "Fine foods"},
        "children": [
            ("safran", {"fr": "Safran", "ar": "الزعفران", "en": "Saffron"}, "#b3261e"),
            ("miel", {"fr": "Miel", "ar": "العسل", "en": "Honey"}, "#e0a526"),
            ("amlou", {"fr": "Amlou", "ar": "أملو", "en": "Amlou"}, "#8a5a2b"),
            (
                "couscous-cereales",
                {"fr": "Couscous et céréales", "ar": "الكسكس والحبوب", "en": "Couscous and grains"},
                "#d9b36c",
            ),
            ("dattes", {"fr": "Dattes", "ar": "التمور", "en": "Dates"}, "#6b3a1e"),
            (
                "epices-herbes",
                {"fr": "Épices et herbes", "ar": "التوابل والأعشاب", "en": "Spices and herbs"},
                "#a4472a",
            ),
            (
                "fromages-laitiers",
                {
                    "fr": "Fromages et produits laitiers",
                    "ar": "الأجبان ومشتقات الحليب",
                    "en": "Cheese and dairy",
                },
                "#e8dcc0",
            ),
            (
                "produits-mer",
                {"fr": "Produits de la mer", "ar": "منتجات البحر", "en": "Seafood"},
                "#2a6f97",
            ),
            (
                "confitures-conserves",
                {
                    "fr": "Confitures et conserves",
                    "ar": "المربيات والمصبرات",
                    "en": "Jams and preserves",
                },
                "#d2642a",
            ),
        ],
    },
    {
        "key": "cosmetiques",
        "name": {
            "fr": "Cosmétiques naturels",
            "ar": "مستحضرات التجميل الطبيعية",
            "en": "Natural cosmetics",
        },
        "children": [
            (
                "savons-ghassoul",
                {"fr": "Savons et ghassoul", "ar": "الصابون والغاسول", "en": "Soaps and ghassoul"},
                "#5b4636",
            ),
            (
                "eaux-florales",
                {"fr": "Eaux florales", "ar": "المياه العطرية", "en": "Floral waters"},
                "#d66b8c",
            ),
            (
                "soins-beaute",
                {"fr": "Soins de beauté", "ar": "العناية والجمال", "en": "Beauty care"},
                "#b98fb0",
            ),
        ],
    },
    {
        "key": "artisanat",
        "name": {"fr": "Artisanat", "ar": "الصناعة التقليدية", "en": "Crafts"},
        "children": [
            ("tapis", {"fr": "Tapis", "ar": "الزرابي", "en": "Carpets"}, "#9c2f2f"),
            ("poterie", {"fr": "Poterie", "ar": "الفخار", "en": "Pottery"}, "#2f6f9c"),
            ("vannerie", {"fr": "Vannerie", "ar": "منتجات السلال", "en": "Basketry"}, "#b59452"),
            (
                "bois-metal",
                {"fr": "Bois et métal", "ar": "الخشب والمعادن", "en": "Wood and metal"},
                "#6e4a2f",
            ),
        ],
    },
    {
        "key": "textile",
        "name": {
            "fr": "Textile et broderie",
            "ar": "النسيج والطرز",
            "en": "Textile and embroidery",
        },
        "children": [
            ("broderie", {"fr": "Broderie", "ar": "الطرز", "en": "Embroidery"}, "#3f7f5f"),
            ("tissage", {"fr": "Tissage", "ar": "النسيج", "en": "Weaving"}, "#7f3f6f"),
        ],
    },
]


def leaf_colours() -> dict[str, str]:
    return {key: colour for family in CATEGORY_TREE for key, _names, colour in family["children"]}
