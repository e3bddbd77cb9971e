default_app_config = "marketplace.apps.customer.apps.CustomerConfig"
