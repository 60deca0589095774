"""Amazon messaging policy as code: the rules file, the draft checker and the contact advisor.

Everything here is Qt-free and SQL-free. Rules are data (``sellerdesk/assets/rules/rules.json``,
read through :func:`sellerdesk.domain.policy.rules.load_rules`); detectors refer to rules by id.
"""
