default_app_config = "marketplace.apps.basket.apps.BasketConfig"
