default_app_config = "marketplace.apps.shipping.apps.ShippingConfig"
