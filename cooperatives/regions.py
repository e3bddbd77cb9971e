"""Morocco's 12 regions (2015 division): ISO 3166-2 code, slug, and names in fr/ar/en.

The regions migration and the demo loader both read this list; it changes only by law.
"""

REGIONS = [  # (code, slug, name_fr, name_ar, name_en)
    (
        "MA-01",
        "tanger-tetouan-al-hoceima",
        "Tanger-Tétouan-Al Hoceïma",
        "طنجة تطوان الحسيمة",
        "Tangier-Tetouan-Al Hoceima",
    ),
    ("MA-02", "oriental", "L'Oriental", "الشرق", "Oriental"),
    ("MA-03", "fes-meknes", "Fès-Meknès", "فاس مكناس", "Fez-Meknes"),
    (
        "MA-04",
        "rabat-sale-kenitra",
        "Rabat-Salé-Kénitra",
        "الرباط سلا القنيطرة",
        "Rabat-Sale-Kenitra",
    ),
    (
        "MA-05",
        "beni-mellal-khenifra",
        "Béni Mellal-Khénifra",
        "بني ملال خنيفرة",
        "Beni Mellal-Khenifra",
    ),
    ("MA-06", "casablanca-settat", "Casablanca-Settat", "الدار البيضاء سطات", "Casablanca-Settat"),
    ("MA-07", "marrakech-safi", "Marrakech-Safi", "مراكش آسفي", "Marrakesh-Safi"),
    ("MA-08", "draa-tafilalet", "Drâa-Tafilalet", "درعة تافيلالت", "Draa-Tafilalet"),
    ("MA-09", "souss-massa", "Souss-Massa", "سوس ماسة", "Souss-Massa"),
    ("MA-10", "guelmim-oued-noun", "Guelmim-Oued Noun", "كلميم واد نون", "Guelmim-Oued Noun"),
    (
        "MA-11",
        "laayoune-sakia-el-hamra",
        "Laâyoune-Sakia El Hamra",
        "العيون الساقية الحمراء",
        "Laayoune-Sakia El Hamra",
    ),
    (
        "MA-12",
        "dakhla-oued-ed-dahab",
        "Dakhla-Oued Ed-Dahab",
        "الداخلة وادي الذهب",
        "Dakhla-Oued Ed-Dahab",
    ),
]

# The one country the marketplace delivers to, as Oscar's address.Country stores it.
MOROCCO = {
    "iso_3166_1_a2": "MA",
    "iso_3166_1_a3": "MAR",
    "iso_3166_1_numeric": "504",
    "name": "Kingdom of Morocco",
    "printable_name": "Maroc",
    "is_shipping_country": True,
    "display_order": 1,
}
