default_app_config = "marketplace.apps.checkout.apps.CheckoutConfig"
