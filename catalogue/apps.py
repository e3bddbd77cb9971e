"""Our fork of Oscar's catalogue app (label `catalogue`)."""

import oscar.apps.catalogue.apps as apps


class CatalogueConfig(apps.CatalogueConfig):
    name = "catalogue"
