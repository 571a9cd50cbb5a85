"""Seeds a fresh ErpSync test database over Tryton's JSON-RPC and prints the ids as JSON.

Usage: seed.py URL PASSWORD_FILE   (URL = http://127.0.0.1:PORT/DBNAME/)

Everything a party sync touches: countries and subdivisions, currencies, a company, party categories
(Customer / Supplier / VIP), payment terms, a price list, a relation type for contact persons, and
parties of every kind (customers, a supplier, a partner, contact persons, an archived and a merged
party) with addresses, contact mechanisms and identifiers. Kept small so the template builds fast.
"""
import base64
import json
import sys
import time
import urllib.error
import urllib.request

URL, PASSFILE = sys.argv[1], sys.argv[2]
PASSWORD = open(PASSFILE, encoding="utf-8").read().strip()
AUTH = None


def rpc(method, params, url=URL):
    body = json.dumps({"id": 1, "method": method, "params": params}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    if AUTH:
        request.add_header("Authorization", AUTH)
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    if "error" in answer:
        raise SystemExit(f"{method} failed: {json.dumps(answer['error'])[:800]}")
    return answer["result"]


def wait_until_up():
    root = URL.rsplit("/", 2)[0] + "/"
    for _ in range(240):
        try:
            return rpc("common.server.version", [], root)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise SystemExit("trytond did not answer within 60 s")


wait_until_up()
user_id, key = rpc("common.db.login", ["admin", {"password": PASSWORD}, "en"])
AUTH = "Session " + base64.b64encode(f"admin:{user_id}:{key}".encode()).decode()

countries = rpc("model.country.country.create", [[
    {"name": "United States", "code": "US", "code3": "USA", "code_numeric": "840"},
    {"name": "Germany", "code": "DE", "code3": "DEU", "code_numeric": "276"},
    {"name": "France", "code": "FR", "code3": "FRA", "code_numeric": "250"},
    {"name": "United Kingdom", "code": "GB", "code3": "GBR", "code_numeric": "826"},
    {"name": "Netherlands", "code": "NL", "code3": "NLD", "code_numeric": "528"},
    {"name": "Switzerland", "code": "CH", "code3": "CHE", "code_numeric": "756"},
    {"name": "Austria", "code": "AT", "code3": "AUT", "code_numeric": "040"},
    {"name": "Canada", "code": "CA", "code3": "CAN", "code_numeric": "124"}], {}])
US, DE, FR, GB, NL = countries[:5]
US_CA, US_NY, DE_BY, DE_BE = rpc("model.country.subdivision.create", [[
    {"name": "California", "code": "US-CA", "type": "state", "country": US},
    {"name": "New York", "code": "US-NY", "type": "state", "country": US},
    {"name": "Bayern", "code": "DE-BY", "type": "land", "country": DE},
    {"name": "Berlin", "code": "DE-BE", "type": "land", "country": DE}], {}])
EUR, USD, GBP = rpc("model.currency.currency.create", [[
    {"name": "Euro", "code": "EUR", "symbol": "€", "digits": 2, "rounding": "0.01", "numeric_code": "978"},
    {"name": "US Dollar", "code": "USD", "symbol": "$", "digits": 2, "rounding": "0.01", "numeric_code": "840"},
    {"name": "Pound Sterling", "code": "GBP", "symbol": "£", "digits": 2, "rounding": "0.01", "numeric_code": "826"}], {}])

[company_party] = rpc("model.party.party.create", [[{
    "name": "Acme ERP GmbH",
    "addresses": [["create", [{"street": "Hauptstr. 1", "postal_code": "10115", "city": "Berlin", "country": DE}]]],
    "contact_mechanisms": [["create", [{"type": "email", "value": "info@acme-erp.example"}]]]}], {}])
[company] = rpc("model.company.company.create", [[{"party": company_party, "currency": EUR, "timezone": "Europe/Berlin"}], {}])
rpc("model.res.user.write", [[user_id], {"companies": [["add", [company]]], "company": company}, {}])
ctx = {"company": company}

customer, supplier, vip = rpc("model.party.category.create", [[{"name": "Customer"}, {"name": "Supplier"}, {"name": "VIP"}], ctx])
net30, immediate = rpc("model.account.invoice.payment_term.create", [[
    {"name": "Net 30", "lines": [["create", [{"type": "remainder", "relativedeltas": [["create", [{"days": 30}]]]}]]]},
    {"name": "Immediate", "lines": [["create", [{"type": "remainder"}]]]}], ctx])
[price_list] = rpc("model.product.price_list.create", [[{"name": "Retail -10%", "lines": [["create", [{"formula": "unit_price * 0.9"}]]]}], ctx])
contact_of, employs = rpc("model.party.relation.type.create", [[{"name": "Contact person of"}, {"name": "Contact person"}], ctx])
rpc("model.party.relation.type.write", [[contact_of], {"reverse": employs}, [employs], {"reverse": contact_of}, ctx])


def party(name, categories, addresses=(), mechanisms=(), **extra):
    values = {"name": name, "categories": [["add", categories]]} if categories else {"name": name}
    if addresses:
        values["addresses"] = [["create", list(addresses)]]
    if mechanisms:
        values["contact_mechanisms"] = [["create", [{"type": t, "value": v} for t, v in mechanisms]]]
    values.update(extra)
    return values


globex, initech, umbrella, stark, old, duplicate = rpc("model.party.party.create", [[
    party("Globex Corporation", [customer, vip],
          [{"street": "Industriestr. 5", "postal_code": "80331", "city": "München", "country": DE, "subdivision": DE_BY,
            "invoice": True, "delivery": True}],
          [("email", "purchasing@globex.example"), ("phone", "+49 89 1234567")],
          identifiers=[["create", [{"type": "eu_vat", "code": "DE123456788"}]]],
          customer_payment_term=net30, sale_price_list=price_list, lang=None),
    party("Initech Inc.", [customer],
          [{"street": "4120 Freidrich Ln", "postal_code": "78744", "city": "Austin", "country": US},
           {"name": "Warehouse", "street": "1 Main St", "postal_code": "94105", "city": "San Francisco", "country": US,
            "subdivision": US_CA, "delivery": True}],
          [("email", "bill@initech.example"), ("phone", "+1 512 555 0100"), ("website", "https://initech.example")],
          customer_payment_term=net30),
    party("Umbrella Supplies Ltd", [supplier],
          [{"street": "10 Downing Road", "postal_code": "SW1A 2AA", "city": "London", "country": GB}],
          [("email", "sales@umbrella.example")], supplier_payment_term=net30),
    party("Stark Industries", [customer, supplier],
          [{"street": "10880 Malibu Point", "postal_code": "90265", "city": "Malibu", "country": US, "subdivision": US_CA}],
          [("email", "office@stark.example"), ("phone", "+1 310 555 0199")],
          customer_payment_term=immediate, supplier_payment_term=net30),
    party("Old Customer Ltd", [customer], [{"city": "Leeds", "country": GB}]),
    party("Globex Corp (duplicate)", [customer], [{"city": "München", "country": DE}])], ctx])
# An archived customer and a merged duplicate: the change feed reports both as tombstones.
rpc("model.party.party.write", [[old], {"active": False}, [duplicate], {"active": False, "replaced_by": globex}, ctx])

jeanne, bill = rpc("model.party.party.create", [[
    party("Jeanne Dupont", None, [{"street": "12 rue de Rivoli", "postal_code": "75001", "city": "Paris", "country": FR}],
          [("email", "jeanne.dupont@globex.example"), ("mobile", "+33 6 12 34 56 78")]),
    party("Bill Lumbergh", None, [], [("email", "bill.lumbergh@initech.example"), ("phone", "+1 512 555 0101")])], ctx])
# One stored relation per person; party.relation.all shows it from both sides through the reverse type.
rpc("model.party.relation.all.create", [[
    {"from_": jeanne, "to": globex, "type": contact_of}, {"from_": bill, "to": initech, "type": contact_of}], ctx])

print(json.dumps({
    "company": company, "company_party": company_party, "context": ctx,
    "countries": {"US": US, "DE": DE, "FR": FR, "GB": GB, "NL": NL},
    "currencies": {"EUR": EUR, "USD": USD, "GBP": GBP},
    "party_categories": {"customer": customer, "supplier": supplier, "vip": vip},
    "payment_terms": {"net30": net30, "immediate": immediate}, "price_list": price_list,
    "relation_types": {"contact_of": contact_of, "employs": employs},
    "parties": {"globex": globex, "initech": initech, "umbrella": umbrella, "stark": stark, "old": old,
                "duplicate": duplicate, "jeanne": jeanne, "bill": bill},
}, indent=1))
