"""Editorial demo content for the Wagtail pages, in French, Arabic and English.

Data only. Every text is given per language in ``LANGUAGES``; a ``body`` is a list of blocks,
either ``("paragraph", "<p>…</p>")`` (rich text limited to p, h2, h3, ul, li, b and i) or
``("quote", {"text": …, "author": …, "role": …})``. Arabic pages share the French slug. The
loader turns ``days_ago``, ``days_from_now`` and ``duration_days`` into dates relative to today,
so the texts never name a date.
"""

LANGUAGES = ("fr", "ar", "en")

HOME = {
    "fr": {
        "title": "Accueil",
        "seo_title": "Souk Tadamoun — produits des coopératives du Maroc",
        "search_description": (
            "Huile d'argan, safran, miel, dattes, couscous, tapis et poteries achetés directement "
            "aux coopératives marocaines. Paiement à la livraison."
        ),
        "hero_title": "Le meilleur des coopératives marocaines, dans un seul panier",
        "hero_text": (
            "Huile d'argan de l'Anti-Atlas, safran de Taliouine, dattes du Tafilalet, tapis du "
            "Moyen Atlas : achetez directement aux coopératives qui les produisent, et payez à la "
            "livraison partout au Maroc."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>Un panier, plusieurs coopératives</h2><p>Remplissez votre panier avec les "
                    "produits de différentes coopératives, d'Aoufous à Safi en passant par "
                    "Taliouine, puis passez une seule commande. Chaque coopérative prépare et "
                    "expédie elle-même sa partie, et vous suivez chaque colis séparément.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Payez à la livraison, en toute confiance</h2><p>Vous réglez en espèces à "
                    "l'arrivée de chaque colis, ou par carte si vous le préférez. Le livreur vous "
                    "appelle avant de passer, et avec le paiement en espèces, vous ne payez que le "
                    "colis que vous avez entre les mains.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Chaque coopérative payée pour sa part</h2><p>Le montant de chaque colis "
                    "revient à la coopérative qui l'a préparé, après une commission modeste qui "
                    "fait vivre la plateforme. Ce sont les coopératives qui fixent leurs prix, "
                    "sans intermédiaire entre leur atelier et votre table.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Avant, nos tajines partaient chez des revendeurs et nous ne savions "
                        "jamais où ils finissaient. Aujourd'hui, je prépare le colis moi-même, et "
                        "je sais qu'une famille de Tanger ou d'Oujda va cuisiner dedans."
                    ),
                    "author": "Abdelkrim",
                    "role": "maître potier, coopérative Al Khazaf Safi",
                },
            ),
        ],
    },
    "ar": {
        "title": "الرئيسية",
        "seo_title": "سوق التضامن — منتجات التعاونيات المغربية",
        "search_description": (
            "زيت الأركان والزعفران والعسل والتمور والكسكس والزرابي والفخار، تشترونها مباشرة من "
            "التعاونيات المغربية، مع الدفع عند الاستلام."
        ),
        "hero_title": "أجود منتجات التعاونيات المغربية في سلة واحدة",
        "hero_text": (
            "زيت أركان من الأطلس الصغير، وزعفران تالوين، وتمور تافيلالت، وزرابي الأطلس المتوسط: "
            "اشتروا مباشرة من التعاونيات التي تنتجها، وادفعوا عند الاستلام في أي مكان بالمغرب."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>سلة واحدة وتعاونيات عديدة</h2><p>املؤوا سلتكم بمنتجات تعاونيات مختلفة، من "
                    "أوفوس إلى آسفي مرورًا بتالوين، ثم أرسلوا طلبًا واحدًا. تُعدّ كل تعاونية حصتها "
                    "من الطلب وتشحنها بنفسها، وتتابعون كل طرد على حدة.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>ادفعوا عند الاستلام بكل ثقة</h2><p>تدفعون نقدًا عند وصول كل طرد، أو "
                    "بالبطاقة البنكية إن شئتم. يتصل بكم عامل التوصيل قبل قدومه، وعند الدفع نقدًا "
                    "لا تؤدون إلا ثمن الطرد الذي بين أيديكم.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>كل تعاونية تتقاضى ثمن حصتها</h2><p>يعود مبلغ كل طرد إلى التعاونية التي "
                    "أعدّته، بعد اقتطاع عمولة متواضعة تضمن استمرار المنصة. والتعاونيات هي التي "
                    "تحدد أسعارها، دون وسيط بين ورشاتها وموائدكم.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "في الماضي كانت طواجيننا تذهب إلى الوسطاء، ولم نكن نعرف أين ينتهي بها "
                        "المطاف. أما اليوم فأنا من يُعدّ الطرد بيدي، وأعرف أن أسرة في طنجة أو وجدة "
                        "ستطهو فيه."
                    ),
                    "author": "عبد الكريم",
                    "role": "معلّم خزّاف، تعاونية الخزف آسفي",
                },
            ),
        ],
    },
    "en": {
        "title": "Home",
        "seo_title": "Souk Tadamoun — Moroccan cooperatives' products",
        "search_description": (
            "Argan oil, saffron, honey, dates, couscous, carpets and pottery bought directly from "
            "Moroccan cooperatives. Cash on delivery across Morocco."
        ),
        "hero_title": "The best of Morocco's cooperatives, in a single basket",
        "hero_text": (
            "Argan oil from the Anti-Atlas, saffron from Taliouine, dates from the Tafilalet, "
            "carpets from the Middle Atlas: buy straight from the cooperatives that make them, and "
            "pay on delivery anywhere in Morocco."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>One basket, many cooperatives</h2><p>Fill your basket with products from "
                    "different cooperatives, from Aoufous to Safi by way of Taliouine, then place "
                    "a single order. Each cooperative packs and ships its own part, and you follow "
                    "every parcel separately.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Pay on delivery, with peace of mind</h2><p>You pay in cash when each "
                    "parcel arrives, or by card if you prefer. The courier calls you before coming "
                    "by, and when you pay in cash, you only pay for the parcel you are "
                    "holding.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Every cooperative paid for its share</h2><p>The amount of each parcel "
                    "goes to the cooperative that packed it, minus a modest commission that keeps "
                    "the platform running. The cooperatives set their own prices, with no "
                    "middleman between their workshop and your table.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Our tajines used to go to resellers, and we never knew where they ended "
                        "up. Today I pack the parcel myself, and I know a family in Tangier or "
                        "Oujda is going to cook in it."
                    ),
                    "author": "Abdelkrim",
                    "role": "master potter, Al Khazaf Safi cooperative",
                },
            ),
        ],
    },
}

ABOUT = {
    "fr": {
        "title": "À propos de Souk Tadamoun",
        "slug": "a-propos",
        "search_description": (
            "Souk Tadamoun relie directement les coopératives marocaines aux acheteurs : un seul "
            "panier, un colis par coopérative, paiement à la livraison."
        ),
        "intro": (
            "Souk Tadamoun, « le souk de la solidarité », relie les coopératives du Maroc à toutes "
            "celles et ceux qui veulent acheter leurs produits, directement et au juste prix."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>Pourquoi ce souk</h2><p>Le Maroc compte environ 61 000 coopératives : des "
                    "femmes qui pressent l'argan dans l'Anti-Atlas, des safraniers de Taliouine, "
                    "des tisseuses du Moyen Atlas, des potiers de Safi. Beaucoup font un travail "
                    "remarquable mais vendent peu au-delà de leur village ou du souk hebdomadaire. "
                    "Souk Tadamoun leur ouvre une vitrine commune, accessible depuis un simple "
                    "téléphone.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Comment ça marche</h2><ul><li><b>Un seul panier</b> : vous choisissez "
                    "librement chez plusieurs coopératives et passez une seule "
                    "commande.</li><li><b>Un colis par coopérative</b> : chacune prépare et "
                    "expédie sa partie par Amana, ou vous la remet sur place quand elle propose le "
                    "retrait.</li><li><b>Paiement à la livraison</b> : vous réglez chaque colis en "
                    "espèces à son arrivée, ou par carte au moment de la "
                    "commande.</li><li><b>Chaque coopérative payée pour sa part</b> : le prix de "
                    "ses produits et de sa livraison lui revient, moins une commission modeste qui "
                    "finance la plateforme.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h3>Des coopératives vérifiées</h3><p>Notre équipe vérifie chaque coopérative "
                    "avant l'ouverture de sa boutique : statut, agréments et labels comme l'IGP ou "
                    "l'AOP lorsqu'elle en possède. Un label dont la validité a expiré disparaît "
                    "automatiquement de la fiche produit.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Les paniers solidaires</h2><p>Avec les campagnes « Consommer solidaire », "
                    "nos éditeurs composent des paniers réunissant les produits de plusieurs "
                    "coopératives : dattes, couscous, huile d'olive, miel. Vous pouvez les acheter "
                    "pour vous, ou les offrir à des familles dans le besoin par l'intermédiaire "
                    "d'associations partenaires. L'idée a fait ses preuves : une initiative de "
                    "l'Office du développement de la coopération a déjà permis de remettre 4 000 "
                    "paniers, composés uniquement de produits de coopératives rurales, à des "
                    "familles dans le besoin.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Souk Tadamoun parle français, arabe et anglais, et a été pensé pour "
                    "fonctionner même avec une connexion lente. Les coopératives gèrent leurs "
                    "commandes depuis leur propre espace, en français ou en arabe.</p>"
                ),
            ),
        ],
    },
    "ar": {
        "title": "من نحن",
        "slug": "a-propos",
        "search_description": (
            "سوق التضامن يربط التعاونيات المغربية بالمشترين مباشرة: سلة واحدة، وطرد من كل تعاونية، "
            "والدفع عند الاستلام في كل أنحاء المغرب."
        ),
        "intro": (
            "سوق التضامن منصة تصل تعاونيات المغرب بكل من يرغب في اقتناء منتجاتها، مباشرة وبثمن "
            "عادل."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>لماذا هذا السوق</h2><p>يضم المغرب نحو 61 ألف تعاونية: نساء يعصرن الأركان "
                    "في الأطلس الصغير، ومزارعو الزعفران في تالوين، ونسّاجات الأطلس المتوسط، "
                    "وخزّافو آسفي. كثير منها يتقن عمله أيّما إتقان، لكنه قلّما يبيع أبعد من قريته "
                    "أو من السوق الأسبوعي. ويفتح لها سوق التضامن واجهة مشتركة يمكن تصفحها من هاتف "
                    "بسيط.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>كيف يعمل السوق</h2><ul><li><b>سلة واحدة</b>: تختارون بحرية من عدة "
                    "تعاونيات وترسلون طلبًا واحدًا.</li><li><b>طرد من كل تعاونية</b>: تُعدّ كل "
                    "تعاونية حصتها وتشحنها عبر أمانة، أو تسلّمها لكم في مقرها إن كانت تتيح "
                    "الاستلام المباشر.</li><li><b>الدفع عند الاستلام</b>: تدفعون ثمن كل طرد نقدًا "
                    "عند وصوله، أو بالبطاقة البنكية عند الطلب.</li><li><b>كل تعاونية تتقاضى ثمن "
                    "حصتها</b>: يعود إليها ثمن منتجاتها وتوصيلها، بعد خصم عمولة متواضعة تموّل "
                    "المنصة.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h3>تعاونيات موثوقة</h3><p>يتحقق فريقنا من كل تعاونية قبل فتح متجرها: وضعها "
                    "القانوني وتراخيصها وعلاماتها، كالبيان الجغرافي المحمي أو تسمية المنشأ المحمية "
                    "إن وُجدت. وكل علامة انتهت صلاحيتها تُحذف تلقائيًا من صفحة المنتج.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>السلال التضامنية</h2><p>في إطار حملات «استهلاك تضامني»، يُعدّ محررونا "
                    "سلالًا تجمع منتجات عدة تعاونيات: تمور وكسكس وزيت زيتون وعسل. يمكنكم شراؤها "
                    "لأنفسكم، أو إهداؤها لأسر محتاجة عبر جمعيات شريكة. وقد أثبتت الفكرة جدواها، إذ "
                    "مكّنت مبادرة لمكتب تنمية التعاون من إيصال 4000 سلة، مكوّنة حصرًا من منتجات "
                    "تعاونيات قروية، إلى أسر محتاجة.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>يتحدث سوق التضامن العربية والفرنسية والإنجليزية، وقد صُمّم ليعمل جيدًا حتى "
                    "مع الاتصال البطيء. وتدير التعاونيات طلباتها من فضائها الخاص، بالعربية أو "
                    "بالفرنسية.</p>"
                ),
            ),
        ],
    },
    "en": {
        "title": "About Souk Tadamoun",
        "slug": "about",
        "search_description": (
            "Souk Tadamoun connects Moroccan cooperatives directly with buyers: one basket, one "
            "parcel per cooperative, cash on delivery across Morocco."
        ),
        "intro": (
            "Souk Tadamoun, “the solidarity souk”, connects Morocco's cooperatives with everyone "
            "who wants to buy their products, directly and at a fair price."
        ),
        "body": [
            (
                "paragraph",
                (
                    "<h2>Why this souk</h2><p>Morocco has about 61,000 cooperatives: women "
                    "pressing argan in the Anti-Atlas, saffron growers in Taliouine, weavers in "
                    "the Middle Atlas, potters in Safi. Many do remarkable work but sell little "
                    "beyond their village or the weekly market. Souk Tadamoun gives them a shared "
                    "shop window that anyone can browse from a simple phone.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>How it works</h2><ul><li><b>One basket</b>: you choose freely from "
                    "several cooperatives and place a single order.</li><li><b>One parcel per "
                    "cooperative</b>: each one packs its part and ships it with Amana, or hands it "
                    "to you on site when it offers pickup.</li><li><b>Cash on delivery</b>: you "
                    "pay for each parcel in cash when it arrives, or by card when you "
                    "order.</li><li><b>Every cooperative paid for its share</b>: the price of its "
                    "products and delivery goes to it, minus a modest commission that funds the "
                    "platform.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h3>Verified cooperatives</h3><p>Our team checks every cooperative before its "
                    "shop opens: legal status, approvals and labels such as a protected "
                    "geographical indication or designation of origin when it holds one. A label "
                    "that has expired disappears from the product page automatically.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<h2>Solidarity baskets</h2><p>Through our “Buy in solidarity” campaigns, our "
                    "editors put together baskets of several cooperatives' products: dates, "
                    "couscous, olive oil, honey. You can buy them for yourself, or offer them to "
                    "families in need through partner associations. The idea has proven itself: an "
                    "initiative of Morocco's public Office for the Development of Cooperation once "
                    "delivered 4,000 baskets made only of rural cooperatives' products to families "
                    "in need.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Souk Tadamoun speaks French, Arabic and English, and was built to work "
                    "well even on a slow connection. Cooperatives manage their orders from their "
                    "own space, in French or in Arabic.</p>"
                ),
            ),
        ],
    },
}

CAMPAIGN_INDEX = {
    "fr": {
        "title": "Consommer solidaire",
        "slug": "consommer-solidaire",
        "search_description": (
            "Les campagnes « Consommer solidaire » de Souk Tadamoun : des paniers de produits de "
            "coopératives offerts à des familles dans le besoin."
        ),
        "intro": (
            "Nos campagnes réunissent les produits de plusieurs coopératives autour d'une cause : "
            "des paniers offerts à des familles dans le besoin, une région et ses femmes mises à "
            "l'honneur. Chaque achat fait avancer l'objectif, et vous suivez la progression de "
            "chaque campagne sur sa page."
        ),
    },
    "ar": {
        "title": "استهلاك تضامني",
        "slug": "consommer-solidaire",
        "search_description": (
            "حملات «استهلاك تضامني» في سوق التضامن: سلال من منتجات التعاونيات تُهدى إلى أسر "
            "محتاجة، ودعم لتعاونيات الجهات."
        ),
        "intro": (
            "تجمع حملاتنا منتجات عدة تعاونيات حول قضية واحدة: سلال تُهدى إلى أسر محتاجة، أو جهة "
            "ونساؤها في دائرة الضوء. كل عملية شراء تقرّب الحملة من هدفها، ويمكنكم متابعة تقدم كل "
            "حملة على صفحتها."
        ),
    },
    "en": {
        "title": "Buy in solidarity",
        "slug": "buy-in-solidarity",
        "search_description": (
            "Souk Tadamoun's “Buy in solidarity” campaigns: baskets of cooperative products "
            "offered to families in need, and regions in the spotlight."
        ),
        "intro": (
            "Our campaigns bring several cooperatives' products together around one cause: baskets "
            "offered to families in need, or a region and its women in the spotlight. Every "
            "purchase moves the goal forward, and each campaign's page shows how far it has come."
        ),
    },
}

CAMPAIGNS = [
    {
        "key": "ramadan",
        "goal_kind": "baskets",
        "goal": 1000,
        "texts": {
            "fr": {
                "title": "Paniers solidaires du Ramadan",
                "slug": "paniers-solidaires-ramadan",
                "search_description": (
                    "Offrez un panier de dattes, couscous, huile d'olive et épices de coopératives "
                    "marocaines à une famille dans le besoin pour le Ramadan."
                ),
                "intro": (
                    "Pour le mois de Ramadan, nous réunissons mille paniers solidaires composés "
                    "des produits de quatre coopératives, remis à des familles dans le besoin par "
                    "notre association partenaire. Chaque panier acheté rapproche la collecte de "
                    "son objectif."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>Ce que contient le panier</h2><ul><li>des dattes Mejhoul de la "
                            "coopérative Nakhil Aoufous, dans la palmeraie du Ziz ;</li><li>du "
                            "couscous de blé dur roulé à la main par les femmes de la coopérative "
                            "Nour Chaouia ;</li><li>de l'huile d'olive vierge extra de la "
                            "coopérative Zitouna Aït Ouallal, près de Meknès ;</li><li>du ras el "
                            "hanout de la coopérative Nahla Doukkala, pour parfumer la "
                            "harira.</li></ul><p>De quoi garnir la table du ftour plusieurs "
                            "jours durant, avec des produits que les coopératives servent aussi à "
                            "leur propre table. Chaque coopérative envoie sa part à notre hub de "
                            "Casablanca, où les paniers sont composés puis remis à notre "
                            "association partenaire.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Comment participer</h2><p>Offrez un panier complet : il est remis "
                            "à notre association partenaire, qui le distribue aux familles qu'elle "
                            "accompagne. Vous pouvez aussi acheter les produits de la campagne "
                            "pour votre propre table. Chaque panier et chaque produit achetés "
                            "comptent dans la progression de la collecte.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Qui reçoit les paniers</h2><p>Notre association partenaire "
                            "connaît les familles qu'elle aide et organise la distribution dans le "
                            "respect et la discrétion. Les coopératives sont payées pour chaque "
                            "panier comme pour une commande ordinaire : votre geste soutient donc "
                            "deux fois, la famille qui reçoit et les coopératives qui produisent. "
                            "L'idée a fait ses preuves, puisqu'une initiative de l'Office du "
                            "développement de la coopération a déjà remis 4 000 paniers de "
                            "produits de coopératives rurales à des familles dans le besoin.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Pendant le Ramadan, les dattes sont la première chose que l'on "
                                "pose sur la table. Savoir que les nôtres rompront le jeûne de "
                                "familles que nous ne connaissons pas, c'est une fierté pour toute "
                                "la palmeraie."
                            ),
                            "author": "Lahcen",
                            "role": "phoéniciculteur, coopérative Nakhil Aoufous",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>La collecte reste ouverte jusqu'à la fin de la campagne. Merci à "
                            "chacune et à chacun : mille paniers, ce sont mille tables de ftour un "
                            "peu mieux garnies.</p>"
                        ),
                    ),
                ],
                "cta_label": "Offrir un panier",
                "partner_name": "Réseau associatif d'entraide de Casablanca",
                "partner_description": (
                    "Un réseau d'associations de quartier qui connaît les familles qu'il "
                    "accompagne et leur remet les paniers chez elles, dans la discrétion."
                ),
            },
            "ar": {
                "title": "سلال رمضان التضامنية",
                "slug": "paniers-solidaires-ramadan",
                "search_description": (
                    "أهدوا سلة من تمور التعاونيات المغربية وكسكسها وزيت زيتونها وتوابلها إلى أسرة "
                    "محتاجة في شهر رمضان."
                ),
                "intro": (
                    "بمناسبة شهر رمضان، نجمع ألف سلة تضامنية تضم منتجات أربع تعاونيات، تسلّمها "
                    "جمعيتنا الشريكة إلى أسر محتاجة. وكل سلة تُشترى تقرّب الحملة من هدفها."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>ماذا تضم السلة</h2><ul><li>تمر المجهول من تعاونية نخيل أوفوس في "
                            "واحة زيز؛</li><li>كسكس القمح الصلب الذي تفتله يدويًا نساء تعاونية نور "
                            "الشاوية؛</li><li>زيت الزيتون البكر الممتاز من تعاونية زيتونة آيت ولال "
                            "قرب مكناس؛</li><li>رأس الحانوت من تعاونية نحلة دكالة لتتبيل "
                            "الحريرة.</li></ul><p>ما يكفي لمائدة إفطار عائلية أيامًا عدة، بمنتجات "
                            "تضعها التعاونيات على موائدها هي أيضًا. وترسل كل تعاونية حصتها إلى "
                            "مركزنا بالدار البيضاء، حيث تُجهَّز السلال ثم تُسلَّم إلى جمعيتنا "
                            "الشريكة.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>كيف تشاركون</h2><p>أهدوا سلة كاملة، فتُسلَّم إلى جمعيتنا الشريكة "
                            "التي توزعها على الأسر التي ترافقها. ويمكنكم أيضًا شراء منتجات الحملة "
                            "لموائدكم. فكل سلة وكل منتج يُشترى يُحتسب في حصيلة الحملة.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>من يتسلّم السلال</h2><p>تعرف جمعيتنا الشريكة الأسر التي تساعدها، "
                            "وتنظم التوزيع في احترام وتكتّم. وتتقاضى التعاونيات ثمن كل سلة كما في "
                            "أي طلب عادي، فيكون عطاؤكم دعمًا مزدوجًا: للأسرة التي تتسلمها "
                            "وللتعاونيات التي أنتجتها. وقد أثبتت الفكرة جدواها، إذ سبق لمبادرة "
                            "أطلقها مكتب تنمية التعاون أن أوصلت 4000 سلة من منتجات التعاونيات "
                            "القروية وحدها إلى أسر محتاجة.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "في رمضان، التمر أول ما يوضع على المائدة. ومعرفتنا بأن تمرنا "
                                "سيُفطر عليه صائمون في بيوت لا نعرفها تملأ الواحة كلها فخرًا."
                            ),
                            "author": "لحسن",
                            "role": "منتج تمور، تعاونية نخيل أوفوس",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>تبقى الحملة مفتوحة إلى غاية انتهاء جمع السلال. شكرًا لكل واحد "
                            "وواحدة منكم: ألف سلة تعني ألف مائدة إفطار أكثر سخاءً.</p>"
                        ),
                    ),
                ],
                "cta_label": "أهدوا سلة",
                "partner_name": "الشبكة الجمعوية للتآزر بالدار البيضاء",
                "partner_description": (
                    "شبكة من جمعيات الأحياء تعرف الأسر التي ترافقها، وتسلّمها السلال في بيوتها "
                    "بكل تكتّم."
                ),
            },
            "en": {
                "title": "Ramadan solidarity baskets",
                "slug": "ramadan-solidarity-baskets",
                "search_description": (
                    "Offer a basket of dates, couscous, olive oil and spices from Moroccan "
                    "cooperatives to a family in need this Ramadan."
                ),
                "intro": (
                    "This Ramadan, we are gathering a thousand solidarity baskets filled with the "
                    "products of four cooperatives, handed to families in need by our partner "
                    "association. Every basket bought brings the collection closer to its goal."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>What's in the basket</h2><ul><li>Mejhoul dates from the Nakhil "
                            "Aoufous cooperative, in the Ziz palm grove;</li><li>durum wheat "
                            "couscous, rolled by hand by the women of the Nour Chaouia "
                            "cooperative;</li><li>extra virgin olive oil from the Zitouna Aït "
                            "Ouallal cooperative, near Meknès;</li><li>ras el hanout from the "
                            "Nahla Doukkala cooperative, to season the "
                            "harira.</li></ul><p>Enough to fill a family's ftour table for several "
                            "days, with products the cooperatives also serve at their own tables. "
                            "Each cooperative sends its share to our Casablanca hub, where the "
                            "baskets are put together and handed to our partner association.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>How to take part</h2><p>Offer a whole basket and it goes to our "
                            "partner association, which distributes it to the families it "
                            "supports. You can also buy the campaign's products for your own "
                            "table. Every basket and every product bought counts towards the "
                            "collection.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Who receives the baskets</h2><p>Our partner association knows the "
                            "families it helps and organises the distribution with respect and "
                            "discretion. The cooperatives are paid for every basket just as for "
                            "any order, so your gift helps twice: the family who receives it and "
                            "the cooperatives who made it. The idea has proven itself: an "
                            "initiative of the public Office for the Development of Cooperation "
                            "once delivered 4,000 baskets made only of rural cooperatives' "
                            "products to families in need.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "During Ramadan, dates are the first thing placed on the table. "
                                "Knowing that ours will break the fast of families we have never "
                                "met makes the whole palm grove proud."
                            ),
                            "author": "Lahcen",
                            "role": "date grower, Nakhil Aoufous cooperative",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The collection stays open until the end of the campaign. Thank "
                            "you, each and every one of you: a thousand baskets means a thousand "
                            "ftour tables a little fuller.</p>"
                        ),
                    ),
                ],
                "cta_label": "Offer a basket",
                "partner_name": "Casablanca Mutual Aid Network",
                "partner_description": (
                    "A network of neighbourhood associations that knows the families it supports "
                    "and brings them the baskets at home, discreetly."
                ),
            },
        },
    },
    {
        "key": "argan-week",
        "goal_kind": "amount",
        "goal": 50000,
        "texts": {
            "fr": {
                "title": "Semaine de l'argan et du safran du Souss",
                "slug": "semaine-argan-safran-souss",
                "search_description": (
                    "Retour sur la Semaine de l'argan et du safran du Souss, une campagne en "
                    "soutien aux femmes des coopératives de Souss-Massa. Merci à tous !"
                ),
                "intro": (
                    "La Semaine de l'argan et du safran du Souss est terminée. Merci à toutes "
                    "celles et ceux qui ont commandé un flacon d'huile, un pot d'amlou ou quelques "
                    "grammes de safran pour soutenir le travail des femmes des coopératives de "
                    "Souss-Massa."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>Une semaine pour les femmes du Souss</h2><p>Pendant une semaine, "
                            "nous avons mis à l'honneur l'huile d'argan et l'amlou de la "
                            "coopérative Tifawin, et le safran de Taliouine de la coopérative "
                            "Azaghar. Dans l'Anti-Atlas, ce sont les femmes qui concassent une à "
                            "une les noix d'argan. Autour de Taliouine, ce sont souvent elles qui "
                            "séparent les pistils, fleur après fleur, le jour même de la "
                            "cueillette.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Ce que vos commandes ont permis</h2><p>Chaque commande a été "
                            "payée directement aux coopératives, chacune pour sa part, comme "
                            "toutes les commandes sur Souk Tadamoun. Chez Tifawin, ces revenus "
                            "aident à financer les cours d'alphabétisation et le transport "
                            "scolaire des filles de la vallée des Ammeln.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Pendant cette semaine, les commandes arrivaient de villes où nous "
                                "n'avions jamais envoyé un seul flacon. Les femmes regardaient la "
                                "carte sur le téléphone et riaient : notre argan voyage plus que "
                                "nous !"
                            ),
                            "author": "Fadma",
                            "role": "présidente de la coopérative Tifawin",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>La campagne est close, mais les produits restent disponibles toute "
                            "l'année dans les boutiques des deux coopératives. Merci de continuer "
                            "à les faire vivre, et à bientôt pour une prochaine campagne.</p>"
                        ),
                    ),
                ],
                "cta_label": "Découvrir les produits du Souss",
            },
            "ar": {
                "title": "أسبوع أركان وزعفران سوس",
                "slug": "semaine-argan-safran-souss",
                "search_description": (
                    "عودة إلى أسبوع أركان وزعفران سوس، الحملة التي دعمت نساء التعاونيات في جهة سوس "
                    "ماسة. شكرًا لكم جميعًا!"
                ),
                "intro": (
                    "انتهى أسبوع أركان وزعفران سوس. شكرًا لكل من طلب قارورة زيت أو علبة أملو أو "
                    "بضعة غرامات من الزعفران دعمًا لعمل نساء التعاونيات في جهة سوس ماسة."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>أسبوع لنساء سوس</h2><p>طيلة أسبوع، سلّطنا الضوء على زيت الأركان "
                            "وأملو تعاونية تيفاوين، وعلى زعفران تالوين من تعاونية أزغار. في الأطلس "
                            "الصغير، النساء هن من يكسرن ثمار الأركان واحدة تلو الأخرى. وفي نواحي "
                            "تالوين، كثيرًا ما يفصلن مياسم الزعفران زهرةً زهرةً في يوم القطف "
                            "نفسه.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>ما أتاحته طلباتكم</h2><p>دُفع ثمن كل طلب مباشرة إلى التعاونيات، "
                            "كلٌّ حسب حصتها، كما هو الشأن في جميع طلبات سوق التضامن. وفي تيفاوين، "
                            "تسهم هذه المداخيل في تمويل دروس محو الأمية ونقل فتيات وادي أملن إلى "
                            "المدرسة.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "خلال ذلك الأسبوع، وصلتنا طلبات من مدن لم نرسل إليها قارورة واحدة "
                                "من قبل. كانت النساء ينظرن إلى الخريطة على الهاتف ويضحكن: أركاننا "
                                "يسافر أكثر منا!"
                            ),
                            "author": "فاضمة",
                            "role": "رئيسة تعاونية تيفاوين",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>انتهت الحملة، لكن المنتجات تبقى متاحة طوال السنة في متجري "
                            "التعاونيتين. شكرًا لكم على دعمكم المتواصل، وإلى لقاء قريب في حملة "
                            "جديدة.</p>"
                        ),
                    ),
                ],
                "cta_label": "اكتشفوا منتجات سوس",
            },
            "en": {
                "title": "Souss argan and saffron week",
                "slug": "souss-argan-saffron-week",
                "search_description": (
                    "Looking back on the Souss argan and saffron week, a campaign supporting the "
                    "women of Souss-Massa's cooperatives. Thank you all!"
                ),
                "intro": (
                    "The Souss argan and saffron week is over. Thank you to everyone who ordered a "
                    "bottle of oil, a jar of amlou or a few grams of saffron to support the work "
                    "of women in the cooperatives of Souss-Massa."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>A week for the women of the Souss</h2><p>For one week, we put the "
                            "spotlight on the argan oil and amlou of the Tifawin cooperative and "
                            "the Taliouine saffron of the Azaghar cooperative. In the Anti-Atlas, "
                            "it is women who crack the argan nuts by hand, one by one. Around "
                            "Taliouine, they are often the ones who separate the stigmas, flower "
                            "after flower, on the very day of the harvest.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>What your orders made possible</h2><p>Every order was paid "
                            "straight to the cooperatives, each for its own share, like every "
                            "order on Souk Tadamoun. At Tifawin, that income helps pay for "
                            "literacy classes and school transport for the girls of the Ammeln "
                            "valley.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "That week, orders came in from towns we had never sent a single "
                                "bottle to. The women looked at the map on the phone and laughed: "
                                "our argan travels more than we do!"
                            ),
                            "author": "Fadma",
                            "role": "president of the Tifawin cooperative",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The campaign is closed, but the products remain available all year "
                            "round in both cooperatives' shops. Thank you for keeping them going, "
                            "and see you soon for another campaign.</p>"
                        ),
                    ),
                ],
                "cta_label": "Discover products from the Souss",
            },
        },
    },
]

ARTICLE_INDEX = {
    "fr": {
        "title": "Actualités et témoignages",
        "slug": "actualites-temoignages",
        "search_description": (
            "Les nouvelles de Souk Tadamoun et les témoignages des coopératives marocaines : "
            "celles et ceux qui font l'argan, les tapis, les dattes."
        ),
        "intro": (
            "Les nouvelles du souk et la parole des coopératives : celles et ceux qui pressent, "
            "tissent, récoltent et façonnent ce que vous recevez chez vous."
        ),
    },
    "ar": {
        "title": "أخبار وشهادات",
        "slug": "actualites-temoignages",
        "search_description": (
            "أخبار سوق التضامن وشهادات التعاونيات المغربية: نساء ورجال يصنعون الأركان والزرابي "
            "والتمور والفخار."
        ),
        "intro": (
            "أخبار السوق وأصوات التعاونيات: نساء ورجال يعصرون وينسجون ويجنون ويشكّلون ما يصل إلى "
            "بيوتكم."
        ),
    },
    "en": {
        "title": "News and stories",
        "slug": "news-and-stories",
        "search_description": (
            "News from Souk Tadamoun and stories from Moroccan cooperatives: the people behind the "
            "argan oil, carpets, dates and pottery."
        ),
        "intro": (
            "News from the souk and the voices of the cooperatives: the people who press, weave, "
            "harvest and shape what arrives at your door."
        ),
    },
}

ARTICLES = [
    {
        "key": "cash-on-delivery",
        "kind": "news",
        "days_ago": 3,
        "tags": {
            "fr": ["Livraison", "Paiement", "Nouvelles coopératives"],
            "ar": ["التوصيل", "الدفع", "تعاونيات جديدة"],
            "en": ["Delivery", "Payment", "New cooperatives"],
        },
        "texts": {
            "fr": {
                "title": "Paiement à la livraison partout au Maroc, et de nouvelles coopératives",
                "slug": "paiement-a-la-livraison-partout-au-maroc",
                "search_description": (
                    "Le paiement à la livraison est disponible partout au Maroc, et des "
                    "coopératives de l'Oriental et du Drâa-Tafilalet rejoignent le souk."
                ),
                "intro": (
                    "Où que vous habitiez au Maroc, vous pouvez désormais commander et payer en "
                    "espèces à l'arrivée de vos colis. Et le souk s'agrandit : de nouvelles "
                    "coopératives ouvrent leur boutique."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>Payer à l'arrivée, partout</h2><p>Du Nord au Sahara, des grandes "
                            "villes aux villages desservis par Amana, le paiement à la livraison "
                            "est désormais proposé pour toutes les commandes. Chaque coopérative "
                            "expédie sa partie séparément : vous réglez chaque colis au livreur "
                            "quand il arrive, et pas avant. Le paiement par carte reste possible "
                            "pour celles et ceux qui le préfèrent.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Bienvenue aux nouvelles coopératives</h2><p>La coopérative "
                            "Zenaga, dans l'oasis de Figuig, propose désormais ses dattes Aziza, "
                            "triées et conditionnées dans son unité agréée. Dans la vallée du "
                            "Dadès, les femmes de la coopérative Ajddig n'Dadès vendent leur eau "
                            "de rose, distillée dans de petits alambics en cuivre. Elles "
                            "rejoignent les coopératives d'argan, de safran, de miel et "
                            "d'artisanat déjà présentes sur le souk.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Vous êtes membre d'une coopérative et souhaitez vendre sur Souk "
                            "Tadamoun ? Venez nous rencontrer lors des prochains salons régionaux, "
                            "à Agadir et à Erfoud. Notre équipe étudie chaque dossier et vous "
                            "accompagne dans l'ouverture de votre boutique, en français ou en "
                            "arabe.</p>"
                        ),
                    ),
                ],
            },
            "ar": {
                "title": "الدفع عند الاستلام في كل أنحاء المغرب، وتعاونيات جديدة تنضم إلينا",
                "slug": "paiement-a-la-livraison-partout-au-maroc",
                "search_description": (
                    "أصبح الدفع عند الاستلام متاحًا في كل أنحاء المغرب، وتنضم إلى سوق التضامن "
                    "تعاونيات جديدة من جهتي الشرق ودرعة تافيلالت."
                ),
                "intro": (
                    "أينما كنتم في المغرب، صار بإمكانكم الآن أن تطلبوا وتدفعوا نقدًا عند وصول "
                    "طرودكم. والسوق يكبر: تعاونيات جديدة تفتح متاجرها."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>ادفعوا عند الوصول، في كل مكان</h2><p>من الشمال إلى الصحراء، ومن "
                            "المدن الكبرى إلى القرى التي تخدمها أمانة، صار الدفع عند الاستلام "
                            "متاحًا لجميع الطلبات. تشحن كل تعاونية حصتها على حدة، فتدفعون ثمن كل "
                            "طرد لعامل التوصيل عند وصوله، لا قبل ذلك. ويبقى الدفع بالبطاقة البنكية "
                            "متاحًا لمن يفضّله.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>مرحبًا بالتعاونيات الجديدة</h2><p>تعرض تعاونية زناكة، في واحة "
                            "فجيج، تمر العزيزة الذي تفرزه وتعبّئه في وحدتها المعتمدة. وفي وادي "
                            "دادس، تبيع نساء تعاونية أجديگ ن دادس ماء الورد الذي يقطّرنه في أنابيق "
                            "نحاسية صغيرة. وتنضم هاتان التعاونيتان إلى تعاونيات الأركان والزعفران "
                            "والعسل والصناعة التقليدية الحاضرة في السوق.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>هل أنتم أعضاء في تعاونية وترغبون في البيع على سوق التضامن؟ تعالوا "
                            "للقائنا في المعرضين الجهويين المقبلين بأكادير وأرفود. يدرس فريقنا كل "
                            "ملف ويرافقكم في فتح متجركم، بالعربية أو بالفرنسية.</p>"
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Cash on delivery everywhere in Morocco, and new cooperatives",
                "slug": "cash-on-delivery-across-morocco",
                "search_description": (
                    "Cash on delivery is now available everywhere in Morocco, and cooperatives "
                    "from the Oriental and Drâa-Tafilalet join Souk Tadamoun."
                ),
                "intro": (
                    "Wherever you live in Morocco, you can now order and pay in cash when your "
                    "parcels arrive. And the souk is growing: new cooperatives are opening their "
                    "shops."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<h2>Pay on arrival, everywhere</h2><p>From the north to the Sahara, "
                            "from the big cities to the villages served by Amana, cash on delivery "
                            "is now offered on every order. Each cooperative ships its own part "
                            "separately: you pay the courier for each parcel when it arrives, and "
                            "not before. Card payment remains available for those who prefer "
                            "it.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Welcome to our new cooperatives</h2><p>The Zenaga cooperative, in "
                            "the oasis of Figuig, now offers its Aziza dates, sorted and packed in "
                            "its approved unit. In the Dadès valley, the women of the Ajddig "
                            "n'Dadès cooperative sell their rose water, distilled in small copper "
                            "stills. They join the argan, saffron, honey and craft cooperatives "
                            "already on the souk.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Are you a member of a cooperative and would like to sell on Souk "
                            "Tadamoun? Come and meet us at the next regional fairs, in Agadir and "
                            "Erfoud. Our team reviews every application and helps you open your "
                            "shop, in French or in Arabic.</p>"
                        ),
                    ),
                ],
            },
        },
    },
    {
        "key": "fadma-tifawin",
        "kind": "testimony",
        "days_ago": 12,
        "tags": {
            "fr": ["Témoignage", "Argan", "Souss-Massa"],
            "ar": ["شهادة", "الأركان", "سوس ماسة"],
            "en": ["Testimony", "Argan", "Souss-Massa"],
        },
        "texts": {
            "fr": {
                "title": "Fadma, coopérative Tifawin : « L'argan nous a donné une voix »",
                "slug": "temoignage-fadma-cooperative-tifawin",
                "search_description": (
                    "Fadma préside la coopérative de femmes Tifawin, près de Tafraout. Elle "
                    "raconte l'argan, l'alphabétisation et la vente en ligne."
                ),
                "intro": (
                    "Dans la vallée des Ammeln, près de Tafraout, Fadma préside la coopérative de "
                    "femmes Tifawin. Entre deux séances de concassage, elle nous a raconté ce que "
                    "l'argan a changé dans la vie des adhérentes."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Le matin, la salle de la coopérative résonne du bruit des pierres. "
                            "Assises en cercle, les adhérentes concassent une à une les noix "
                            "d'argan récoltées dans les arganeraies de l'Anti-Atlas, avant que les "
                            "amandons ne partent au pressage. « Chaque flacon, ce sont des heures "
                            "de travail de nos mains », rappelle Fadma.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Quand nous avons commencé, beaucoup d'entre nous ne savaient pas "
                                "lire. Aujourd'hui, ce sont les femmes elles-mêmes qui lisent les "
                                "commandes sur le téléphone et préparent les colis. L'argan nous a "
                                "donné un revenu, mais surtout une voix dans le village."
                            ),
                            "author": "Fadma",
                            "role": "présidente de la coopérative Tifawin",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Vendre sans intermédiaire</h2><p>Longtemps, la coopérative a "
                            "vendu une grande partie de son huile à des négociants, au prix qu'ils "
                            "fixaient. Sur Souk Tadamoun, elle fixe elle-même ses prix, prépare "
                            "ses colis et reçoit le paiement de sa part pour chaque commande. Ces "
                            "revenus financent les cours d'alphabétisation et le transport "
                            "scolaire des filles de la vallée.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Des clients nous appellent parfois pour demander comment manger "
                                "l'amlou. Je leur réponds : le matin, avec du pain chaud et un "
                                "verre de thé. C'est comme ça qu'on le mange chez nous."
                            ),
                            "author": "Fadma",
                            "role": "présidente de la coopérative Tifawin",
                        },
                    ),
                ],
            },
            "ar": {
                "title": "فاضمة، تعاونية تيفاوين: «منحنا الأركان صوتًا»",
                "slug": "temoignage-fadma-cooperative-tifawin",
                "search_description": (
                    "تترأس فاضمة تعاونية تيفاوين النسوية قرب تافراوت، وتحدثنا عن الأركان ودروس محو "
                    "الأمية والبيع عبر الإنترنت."
                ),
                "intro": (
                    "في وادي أملن قرب تافراوت، تترأس فاضمة تعاونية تيفاوين النسوية. وبين جلستين "
                    "لتكسير ثمار الأركان، حدثتنا عما غيّره الأركان في حياة العضوات."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>في الصباح، تمتلئ قاعة التعاونية بصوت الحجارة. تجلس العضوات في حلقة "
                            "ويكسرن واحدة تلو الأخرى ثمار الأركان المجموعة من غابات الأطلس الصغير، "
                            "قبل أن تُرسل اللوزات إلى العصر. وتقول فاضمة: «وراء كل قارورة ساعات من "
                            "عمل أيدينا».</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "حين بدأنا، كانت كثيرات منا لا يعرفن القراءة. أما اليوم، فالنساء "
                                "أنفسهن يقرأن الطلبات على الهاتف ويُعددن الطرود. منحنا الأركان "
                                "دخلًا، ولكنه منحنا قبل كل شيء صوتًا في القرية."
                            ),
                            "author": "فاضمة",
                            "role": "رئيسة تعاونية تيفاوين",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>البيع دون وسطاء</h2><p>ظلت التعاونية زمنًا طويلًا تبيع جزءًا "
                            "كبيرًا من زيتها للتجار بالسعر الذي يحددونه. أما على سوق التضامن، فهي "
                            "تحدد أسعارها بنفسها، وتُعدّ طرودها، وتتقاضى ثمن حصتها من كل طلب. "
                            "وتموّل هذه المداخيل دروس محو الأمية ونقل فتيات الوادي إلى "
                            "المدرسة.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "يتصل بنا بعض الزبائن أحيانًا ليسألوا كيف يؤكل الأملو. فأقول لهم: "
                                "في الصباح، مع خبز ساخن وكأس شاي. هكذا نأكله في بيوتنا."
                            ),
                            "author": "فاضمة",
                            "role": "رئيسة تعاونية تيفاوين",
                        },
                    ),
                ],
            },
            "en": {
                "title": "Fadma, Tifawin cooperative: “Argan gave us a voice”",
                "slug": "fadma-tifawin-argan-cooperative",
                "search_description": (
                    "Fadma chairs the Tifawin women's cooperative near Tafraout. She talks about "
                    "argan, literacy classes and selling online."
                ),
                "intro": (
                    "In the Ammeln valley near Tafraout, Fadma chairs the Tifawin women's "
                    "cooperative. Between two nut-cracking sessions, she told us what argan has "
                    "changed in its members' lives."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>In the morning, the cooperative's workroom rings with the sound of "
                            "stones. Sitting in a circle, the members crack, one by one, the argan "
                            "nuts gathered in the forests of the Anti-Atlas, before the kernels go "
                            "to the press. “Every bottle is hours of work by our hands,” Fadma "
                            "reminds us.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "When we started, many of us could not read. Today it is the women "
                                "themselves who read the orders on the phone and pack the parcels. "
                                "Argan gave us an income, but above all a voice in the village."
                            ),
                            "author": "Fadma",
                            "role": "president of the Tifawin cooperative",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Selling without middlemen</h2><p>For a long time, the cooperative "
                            "sold much of its oil to traders, at the price they set. On Souk "
                            "Tadamoun, it sets its own prices, packs its own parcels and is paid "
                            "its share of every order. That income pays for literacy classes and "
                            "school transport for the valley's girls.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Customers sometimes call us to ask how to eat amlou. I tell them: "
                                "in the morning, with warm bread and a glass of tea. That's how we "
                                "eat it at home."
                            ),
                            "author": "Fadma",
                            "role": "president of the Tifawin cooperative",
                        },
                    ),
                ],
            },
        },
    },
    {
        "key": "itto-izlan-zayane",
        "kind": "testimony",
        "days_ago": 25,
        "tags": {
            "fr": ["Témoignage", "Tapis", "Moyen Atlas"],
            "ar": ["شهادة", "الزرابي", "الأطلس المتوسط"],
            "en": ["Testimony", "Carpets", "Middle Atlas"],
        },
        "texts": {
            "fr": {
                "title": "Itto, tisseuse à Aguelmous : « Chaque tapis raconte une famille »",
                "slug": "temoignage-itto-tisseuse-zayane",
                "search_description": (
                    "Itto tisse des tapis zayanes avec la coopérative Izlan Zayane, à Aguelmous. "
                    "Elle raconte la laine, les losanges et les tapis qui voyagent."
                ),
                "intro": (
                    "À Aguelmous, au cœur du pays Zayane, Itto tisse avec les femmes de la "
                    "coopérative Izlan Zayane les tapis rouges à losanges de leurs grands-mères. "
                    "Elle nous parle du temps long du métier à tisser, et de ses tapis qui partent "
                    "désormais aux quatre coins du Maroc."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Avant d'arriver sur le métier vertical, la laine des moutons du "
                            "Moyen Atlas est lavée, cardée, filée, puis teinte à la garance et au "
                            "henné. Itto et sa voisine de métier nouent ensuite chaque rang à la "
                            "main. Un grand tapis leur demande jusqu'à trois mois de travail à "
                            "deux.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "Ces losanges, ce sont ceux que tissait ma grand-mère, et sa mère "
                                "avant elle. Quand une cliente de Rabat nous a envoyé la photo de "
                                "notre tapis dans son salon, je l'ai montrée à toutes les femmes "
                                "de la coopérative."
                            ),
                            "author": "Itto",
                            "role": "tisseuse, coopérative Izlan Zayane",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>Un tapis voyage bien, s'il est bien emballé</h2><p>Un tapis de "
                            "trois mois de travail ne se plie pas n'importe comment : la "
                            "coopérative le roule avec soin, l'emballe et l'expédie elle-même par "
                            "Amana. Le client règle à la livraison, une fois le colis entre ses "
                            "mains. « Pour un achat aussi important, le paiement à la livraison "
                            "rassure les gens », explique Itto.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Avec les revenus des ventes, les tisseuses achètent la laine de la "
                            "saison suivante et transmettent leur savoir-faire. Plusieurs jeunes "
                            "filles du village apprennent aujourd'hui à nouer sur les métiers de "
                            "la coopérative, aux côtés de leurs mères.</p>"
                        ),
                    ),
                ],
            },
            "ar": {
                "title": "إيطو، نسّاجة في أكلموس: «كل زربية تحكي قصة عائلة»",
                "slug": "temoignage-itto-tisseuse-zayane",
                "search_description": (
                    "تنسج إيطو الزرابي الزيانية مع تعاونية إزلان زيان في أكلموس، وتحدثنا عن الصوف "
                    "والمعيّنات والزرابي التي تسافر."
                ),
                "intro": (
                    "في أكلموس، في قلب بلاد زيان، تنسج إيطو مع نساء تعاونية إزلان زيان الزرابي "
                    "الحمراء ذات المعيّنات التي ورثنها عن جداتهن. وتحدثنا عن الوقت الطويل الذي "
                    "يتطلبه المنسج، وعن زرابيها التي صارت تصل إلى كل ربوع المغرب."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>قبل أن يصل صوف أغنام الأطلس المتوسط إلى المنسج العمودي، يُغسل "
                            "ويُمشط ويُغزل، ثم يُصبغ بالفوّة والحناء. بعد ذلك تعقد إيطو وجارتها في "
                            "المنسج كل صف بأيديهما. وقد تستغرق الزربية الكبيرة ثلاثة أشهر من عمل "
                            "النسّاجتين معًا.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "هذه المعيّنات هي نفسها التي كانت تنسجها جدتي، وأمها من قبلها. "
                                "وحين أرسلت إلينا زبونة من الرباط صورة زربيتنا في صالونها، أريتها "
                                "لكل نساء التعاونية."
                            ),
                            "author": "إيطو",
                            "role": "نسّاجة، تعاونية إزلان زيان",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>الزربية تسافر جيدًا إذا أُحسن تغليفها</h2><p>زربية استغرقت ثلاثة "
                            "أشهر من العمل لا تُطوى كيفما اتفق: تلفّها التعاونية بعناية وتغلّفها "
                            "وتشحنها بنفسها عبر أمانة. ويدفع الزبون عند الاستلام، بعد أن يصير "
                            "الطرد بين يديه. وتوضح إيطو: «في شراء بهذه الأهمية، يطمئن الناس إلى "
                            "الدفع عند الاستلام».</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>بمداخيل المبيعات، تشتري النسّاجات صوف الموسم المقبل ويورّثن "
                            "حرفتهن. فعدد من فتيات القرية يتعلمن اليوم العقد على أنوال التعاونية "
                            "إلى جانب أمهاتهن.</p>"
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Itto, weaver in Aguelmous: “Every carpet tells a family's story”",
                "slug": "itto-zayane-carpet-weaver",
                "search_description": (
                    "Itto weaves Zayane carpets with the Izlan Zayane cooperative in Aguelmous. "
                    "She talks about wool, diamond patterns and carpets that travel."
                ),
                "intro": (
                    "In Aguelmous, in the heart of Zayane country, Itto and the women of the Izlan "
                    "Zayane cooperative weave the red, diamond-patterned carpets of their "
                    "grandmothers. She tells us about the slow pace of the loom, and about carpets "
                    "that now travel to every corner of Morocco."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Before it reaches the upright loom, the wool of Middle Atlas sheep "
                            "is washed, carded, spun, then dyed with madder and henna. Itto and "
                            "the weaver beside her then knot every row by hand. A large carpet "
                            "takes the two of them up to three months.</p>"
                        ),
                    ),
                    (
                        "quote",
                        {
                            "text": (
                                "These diamonds are the ones my grandmother wove, and her mother "
                                "before her. When a customer in Rabat sent us a photo of our "
                                "carpet in her living room, I showed it to every woman in the "
                                "cooperative."
                            ),
                            "author": "Itto",
                            "role": "weaver, Izlan Zayane cooperative",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<h2>A carpet travels well if it is packed well</h2><p>A carpet that "
                            "took three months to weave is not folded any old way: the cooperative "
                            "rolls it carefully, wraps it and ships it itself with Amana. The "
                            "customer pays on delivery, once the parcel is in their hands. “For "
                            "such a big purchase, paying on delivery reassures people,” Itto "
                            "explains.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>With the income from sales, the weavers buy the next season's wool "
                            "and pass on their craft. Several young girls from the village are now "
                            "learning to knot on the cooperative's looms, alongside their "
                            "mothers.</p>"
                        ),
                    ),
                ],
            },
        },
    },
]

EVENT_INDEX = {
    "fr": {
        "title": "Salons et événements",
        "slug": "salons-evenements",
        "search_description": (
            "Les salons régionaux où rencontrer les coopératives de Souk Tadamoun : dégustations, "
            "démonstrations et rencontres avec les producteurs."
        ),
        "intro": (
            "Retrouvez les coopératives de Souk Tadamoun dans les salons régionaux : goûtez, "
            "touchez, échangez avec celles et ceux qui produisent. Et si un produit vous a plu, "
            "vous le retrouverez ensuite sur le site."
        ),
    },
    "ar": {
        "title": "المعارض والتظاهرات",
        "slug": "salons-evenements",
        "search_description": (
            "المعارض الجهوية التي تلتقون فيها بتعاونيات سوق التضامن: تذوّق وعروض حية ولقاءات مع "
            "المنتجين."
        ),
        "intro": (
            "التقوا بتعاونيات سوق التضامن في المعارض الجهوية: تذوّقوا، والمسوا، وتحدثوا مع من "
            "يصنعون المنتجات. وإن أعجبكم منتج، تجدونه بعد ذلك على الموقع."
        ),
    },
    "en": {
        "title": "Fairs and events",
        "slug": "fairs-and-events",
        "search_description": (
            "Regional fairs where you can meet Souk Tadamoun's cooperatives: tastings, "
            "demonstrations and conversations with the producers."
        ),
        "intro": (
            "Meet Souk Tadamoun's cooperatives at regional fairs: taste, touch and talk with the "
            "people who make the products. If something catches your eye, you will find it on the "
            "site afterwards."
        ),
    },
}

EVENTS = [
    {
        "key": "ess-fair-agadir",
        "region_code": "MA-09",
        "days_from_now": 18,
        "duration_days": 5,
        "texts": {
            "fr": {
                "title": "Salon régional de l'économie sociale et solidaire, Agadir",
                "slug": "salon-ess-souss-massa-agadir",
                "place": "Agadir, Souss-Massa",
                "search_description": (
                    "Rencontrez à Agadir les coopératives de Souss-Massa présentes sur Souk "
                    "Tadamoun : argan, amlou, safran de Taliouine et miel de thym."
                ),
                "intro": (
                    "Pendant cinq jours, Agadir accueille les coopératives de toute la région de "
                    "Souss-Massa. Souk Tadamoun y tiendra un stand avec trois coopératives du "
                    "souk."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Sur le stand, vous pourrez goûter l'huile d'argan et l'amlou de la "
                            "coopérative Tifawin, sentir le safran de Taliouine de la coopérative "
                            "Azaghar et découvrir le miel de thym de la coopérative Tamment "
                            "Imouzzer. Leurs membres seront là pour raconter leur travail, de "
                            "l'arganeraie à la ruche.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h3>Vous représentez une coopérative ?</h3><p>Passez nous voir pour "
                            "découvrir comment ouvrir votre boutique, préparer vos colis et être "
                            "payée pour chaque part. Notre équipe répond à vos questions en "
                            "français et en arabe.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Vous ne pourrez pas venir ? Les produits présentés sur le stand "
                            "restent disponibles sur le site, avec paiement à la livraison partout "
                            "au Maroc.</p>"
                        ),
                    ),
                ],
            },
            "ar": {
                "title": "المعرض الجهوي للاقتصاد الاجتماعي والتضامني، أكادير",
                "slug": "salon-ess-souss-massa-agadir",
                "place": "أكادير، سوس ماسة",
                "search_description": (
                    "التقوا في أكادير بتعاونيات سوس ماسة الحاضرة في سوق التضامن: زيت الأركان "
                    "والأملو وزعفران تالوين وعسل الزعتر."
                ),
                "intro": (
                    "طيلة خمسة أيام، تستقبل أكادير تعاونيات جهة سوس ماسة كلها. وسيكون لسوق التضامن "
                    "رواق فيها رفقة ثلاث من تعاونيات السوق."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>في رواقنا، يمكنكم تذوّق زيت الأركان وأملو تعاونية تيفاوين، وشمّ "
                            "زعفران تالوين من تعاونية أزغار، واكتشاف عسل الزعتر من تعاونية تامنت "
                            "إيموزار. وسيحضر أعضاء التعاونيات ليحدثوكم عن عملهم، من شجرة الأركان "
                            "إلى خلية النحل.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h3>هل تمثلون تعاونية؟</h3><p>زورونا لتتعرفوا على طريقة فتح متجركم "
                            "وإعداد طرودكم وتقاضي ثمن كل حصة. ويجيب فريقنا عن أسئلتكم بالعربية "
                            "والفرنسية.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>لن تتمكنوا من الحضور؟ تبقى المنتجات المعروضة في الرواق متاحة على "
                            "الموقع، مع الدفع عند الاستلام في كل أنحاء المغرب.</p>"
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Regional social and solidarity economy fair, Agadir",
                "slug": "social-solidarity-economy-fair-agadir",
                "place": "Agadir, Souss-Massa",
                "search_description": (
                    "Meet the Souss-Massa cooperatives of Souk Tadamoun in Agadir: argan oil, "
                    "amlou, Taliouine saffron and thyme honey."
                ),
                "intro": (
                    "For five days, Agadir welcomes cooperatives from all over the Souss-Massa "
                    "region. Souk Tadamoun will have a stand there with three of the souk's "
                    "cooperatives."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>At the stand, you can taste the argan oil and amlou of the Tifawin "
                            "cooperative, smell the Taliouine saffron of the Azaghar cooperative "
                            "and discover the thyme honey of the Tamment Imouzzer cooperative. "
                            "Their members will be there to tell you about their work, from the "
                            "argan forest to the hive.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<h3>Do you represent a cooperative?</h3><p>Come and see us to find "
                            "out how to open your shop, pack your parcels and get paid for each "
                            "share. Our team will answer your questions in French and in "
                            "Arabic.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Can't make it? The products shown at the stand remain available on "
                            "the site, with cash on delivery anywhere in Morocco.</p>"
                        ),
                    ),
                ],
            },
        },
    },
    {
        "key": "erfoud-date-fair",
        "region_code": "MA-08",
        "days_from_now": 46,
        "duration_days": 4,
        "texts": {
            "fr": {
                "title": "Salon des dattes d'Erfoud",
                "slug": "salon-dattes-erfoud",
                "place": "Erfoud, Drâa-Tafilalet",
                "search_description": (
                    "Au salon des dattes d'Erfoud, goûtez les dattes Mejhoul de la coopérative "
                    "Nakhil Aoufous et les dattes Aziza de la coopérative Zenaga."
                ),
                "intro": (
                    "À Erfoud, aux portes du Tafilalet, le salon des dattes réunit les producteurs "
                    "des oasis du Maroc. Souk Tadamoun y retrouve deux coopératives de dattes du "
                    "souk pour quatre jours de dégustations et de rencontres."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>La coopérative Nakhil Aoufous présentera ses dattes Mejhoul de la "
                            "palmeraie du Ziz, récoltées à la main et triées dans son unité, ainsi "
                            "que sa pâte de dattes. La coopérative Zenaga fera le voyage depuis "
                            "Figuig avec la datte Aziza, fierté de son oasis. À Aoufous, les "
                            "adhérents ont replanté des rejets de Mejhoul après les années de "
                            "bayoud : demandez-leur de vous raconter.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>C'est aussi l'occasion de découvrir les paniers solidaires, où les "
                            "dattes tiennent une place de choix aux côtés du couscous, de l'huile "
                            "d'olive et du miel. Passez sur le stand pour savoir comment en offrir "
                            "un à une famille dans le besoin lors de nos campagnes « Consommer "
                            "solidaire ».</p>"
                        ),
                    ),
                ],
            },
            "ar": {
                "title": "معرض التمور بأرفود",
                "slug": "salon-dattes-erfoud",
                "place": "أرفود، درعة تافيلالت",
                "search_description": (
                    "في معرض التمور بأرفود، تذوّقوا تمر المجهول من تعاونية نخيل أوفوس وتمر العزيزة "
                    "من تعاونية زناكة."
                ),
                "intro": (
                    "في أرفود، على مشارف تافيلالت، يجمع معرض التمور منتجي واحات المغرب. ويلتقي فيه "
                    "سوق التضامن بتعاونيتين من تعاونيات التمور في السوق، طيلة أربعة أيام من التذوق "
                    "واللقاءات."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>تعرض تعاونية نخيل أوفوس تمر المجهول من واحة زيز، المقطوف يدويًا "
                            "والمفروز في وحدتها، إلى جانب عجينة التمر. وتقطع تعاونية زناكة الطريق "
                            "من فجيج حاملةً تمر العزيزة، مفخرة واحتها. وفي أوفوس، أعاد الفلاحون "
                            "غرس فسائل المجهول بعد سنوات البيوض: اطلبوا منهم أن يحكوا لكم "
                            "القصة.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>وهي أيضًا مناسبة للتعرف على السلال التضامنية، إذ تحتل فيها التمور "
                            "مكانة مميزة إلى جانب الكسكس وزيت الزيتون والعسل. زوروا رواقنا لتعرفوا "
                            "كيف تهدون سلة إلى أسرة محتاجة في إطار حملات «استهلاك تضامني».</p>"
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Erfoud date fair",
                "slug": "erfoud-date-fair",
                "place": "Erfoud, Drâa-Tafilalet",
                "search_description": (
                    "At the Erfoud date fair, taste Mejhoul dates from the Nakhil Aoufous "
                    "cooperative and Aziza dates from the Zenaga cooperative."
                ),
                "intro": (
                    "In Erfoud, at the gateway to the Tafilalet, the date fair brings together "
                    "growers from Morocco's oases. Souk Tadamoun joins two of the souk's date "
                    "cooperatives there for four days of tastings and conversations."
                ),
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>The Nakhil Aoufous cooperative will present its Mejhoul dates from "
                            "the Ziz palm grove, picked by hand and sorted in its own unit, along "
                            "with its date paste. The Zenaga cooperative will travel from Figuig "
                            "with the Aziza date, the pride of its oasis. In Aoufous, members "
                            "replanted Mejhoul offshoots after the bayoud years: ask them to tell "
                            "you the story.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>It is also a chance to discover our solidarity baskets, where "
                            "dates have pride of place alongside couscous, olive oil and honey. "
                            "Stop by the stand to find out how to offer one to a family in need "
                            "during our “Buy in solidarity” campaigns.</p>"
                        ),
                    ),
                ],
            },
        },
    },
]
