"""The database itself refuses changes to the account audit log (core/append_only.py)."""

from django.db import migrations

from motcua.core.append_only import append_only


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_account_event")]

    operations = [append_only("accounts_accountevent", "account_event_append_only", "account events")]
