"""Three ready-made workflows that show what the engine can do, in the office's language:

- Discount approval (deal, started by hand with the discount asked): over 20 % the responsible
  person's manager approves before the quote goes out; approved or not, the deal says so.
- Welcome sequence (company, when one is created): a welcome e-mail, a call task three days later,
  and a word to the manager when the call is not done within a week.
- Overdue-invoice reminder (invoice, when it is issued): a week after its due date, if still open,
  a call task; two weeks later, still open, the manager decides on the final reminder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.services.container import Services
    from app.services.workflows.service import TemplateInfo

TEXTS = {
    "en": {
        "discount": "Discount approval",
        "discount_about": "A discount over 20 % needs the manager's approval before the quote goes out.",
        "discount_label": "Discount in %",
        "ask": "Approve a discount of {{ var.discount }} % on {{ deal.title }}",
        "approved": "Discount of {{ var.discount }} % approved.",
        "send": "Send the quote with {{ var.discount }} % discount",
        "rejected": "Discount of {{ var.discount }} % rejected: {{ deal.title }}",
        "small": "Send the quote for {{ deal.title }}",
        "welcome": "Welcome sequence",
        "welcome_about": "A new company gets a welcome e-mail, a call after 3 days, and a reminder to the "
        "manager if the call is not done in a week.",
        "subject": "Welcome, {{ record.title }}",
        "body": "Hello,\n\nthank you for choosing us. We will call you in the next few days.\n\nKind regards",
        "call": "Welcome call to {{ record.title }}",
        "late": "The welcome call to {{ record.title }} is still not done after a week.",
        "overdue": "Overdue-invoice reminder",
        "overdue_about": "A week after the due date a call; two weeks later the manager decides on the "
        "final reminder.",
        "call_invoice": "Call about the overdue invoice {{ record.number }}",
        "final": "Send the final reminder for invoice {{ record.number }}?",
        "send_final": "Send the final reminder for invoice {{ record.number }}",
        "no_final": "No final reminder for invoice {{ record.number }}.",
        "Big": "Over 20 %",
        "Else": "Otherwise",
        "Open": "Still open",
        "Late": "Not done",
    },
    "de": {
        "discount": "Rabattfreigabe",
        "discount_about": "Ein Rabatt über 20 % braucht die Freigabe der Führungskraft, bevor das Angebot "
        "hinausgeht.",
        "discount_label": "Rabatt in %",
        "ask": "Rabatt von {{ var.discount }} % auf {{ deal.title }} freigeben",
        "approved": "Rabatt von {{ var.discount }} % freigegeben.",
        "send": "Angebot mit {{ var.discount }} % Rabatt senden",
        "rejected": "Rabatt von {{ var.discount }} % abgelehnt: {{ deal.title }}",
        "small": "Angebot für {{ deal.title }} senden",
        "welcome": "Begrüßung neuer Unternehmen",
        "welcome_about": "Ein neues Unternehmen bekommt eine Begrüßungs-E-Mail, nach 3 Tagen einen Anruf und "
        "die Führungskraft eine Erinnerung, wenn der Anruf nach einer Woche nicht erledigt ist.",
        "subject": "Willkommen, {{ record.title }}",
        "body": "Guten Tag,\n\nvielen Dank für Ihr Vertrauen. Wir rufen Sie in den nächsten Tagen an.\n\n"
        "Mit freundlichen Grüßen",
        "call": "Begrüßungsanruf bei {{ record.title }}",
        "late": "Der Begrüßungsanruf bei {{ record.title }} ist nach einer Woche noch nicht erledigt.",
        "overdue": "Erinnerung an überfällige Rechnungen",
        "overdue_about": "Eine Woche nach Fälligkeit ein Anruf; zwei Wochen später entscheidet die "
        "Führungskraft über die letzte Mahnung.",
        "call_invoice": "Wegen der überfälligen Rechnung {{ record.number }} anrufen",
        "final": "Letzte Mahnung für Rechnung {{ record.number }} senden?",
        "send_final": "Letzte Mahnung für Rechnung {{ record.number }} senden",
        "no_final": "Keine letzte Mahnung für Rechnung {{ record.number }}.",
        "Big": "Über 20 %",
        "Else": "Sonst",
        "Open": "Noch offen",
        "Late": "Nicht erledigt",
    },
}


def definitions(language: str) -> list[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(name, entity, definition, settings) of each ready-made workflow."""
    t = TEXTS.get(language, TEXTS["en"])
    still_open = [{"field": "open", "op": "eq", "value": "true"}]
    discount = {
        "parameters": [
            {"name": "discount", "label": t["discount_label"], "type": "number", "required": True}
        ],
        "steps": [
            {
                "id": "size",
                "kind": "condition",
                "title": t["Big"],
                "branches": [
                    {
                        "label": t["Big"],
                        "when": [{"field": "var:discount", "op": "gt", "value": "20"}],
                        "steps": [
                            {
                                "id": "approve",
                                "kind": "approval",
                                "title": t["ask"],
                                "people": ["manager"],
                                "mode": "any",
                                "deadline_hours": 48,
                                "escalate_to": [],
                                "branches": [
                                    {
                                        "key": "approved",
                                        "steps": [
                                            _action("note", "comment", text=t["approved"]),
                                            _action("quote", "task", title=t["send"], in_hours=24),
                                        ],
                                    },
                                    {
                                        "key": "rejected",
                                        "steps": [
                                            _action(
                                                "tell", "notify", text=t["rejected"], people=["responsible"]
                                            ),
                                        ],
                                    },
                                ],
                            }
                        ],
                    },
                    {
                        "label": t["Else"],
                        "steps": [_action("quote-small", "task", title=t["small"], in_hours=24)],
                    },
                ],
            }
        ],
    }
    welcome = {
        "steps": [
            _action("mail", "email", subject=t["subject"], body=t["body"]),
            {"id": "three-days", "kind": "wait", "mode": "delay", "hours": 72},
            _action("call", "task", title=t["call"], in_hours=24, people=["responsible"]),
            {"id": "call-done", "kind": "wait", "mode": "task_done", "step": "call", "timeout_hours": 168},
            {
                "id": "late?",
                "kind": "condition",
                "branches": [
                    {
                        "label": t["Late"],
                        "when": [{"field": "step:call-done", "op": "eq", "value": "timeout"}],
                        "steps": [_action("remind", "notify", text=t["late"], people=["manager"])],
                    }
                ],
            },
        ]
    }
    overdue = {
        "steps": [
            {
                "id": "issued?",
                "kind": "condition",
                "branches": [
                    {
                        "label": t["Open"],
                        "when": [{"field": "state", "op": "eq", "value": "issued"}],
                        "steps": [
                            {
                                "id": "week",
                                "kind": "wait",
                                "mode": "until_date",
                                "field": "due_date",
                                "offset_days": 7,
                            },
                            {
                                "id": "open?",
                                "kind": "condition",
                                "branches": [
                                    {
                                        "label": t["Open"],
                                        "when": still_open,
                                        "steps": [
                                            _action("call", "task", title=t["call_invoice"], in_hours=24),
                                            {
                                                "id": "two-weeks",
                                                "kind": "wait",
                                                "mode": "delay",
                                                "hours": 336,
                                            },
                                            {
                                                "id": "still?",
                                                "kind": "condition",
                                                "branches": [
                                                    {
                                                        "label": t["Open"],
                                                        "when": still_open,
                                                        "steps": [_final(t)],
                                                    }
                                                ],
                                            },
                                        ],
                                    }
                                ],
                            },
                        ],
                    }
                ],
            }
        ]
    }
    return [
        (t["discount"], "deal", discount, {"description": t["discount_about"]}),
        (
            t["welcome"],
            "company",
            welcome,
            {"description": t["welcome_about"], "start_on_create": True, "start_manual": True},
        ),
        (
            t["overdue"],
            "invoice",
            overdue,
            {"description": t["overdue_about"], "start_on_change": True, "change_fields": ["state"]},
        ),
    ]


def _final(t: dict[str, str]) -> dict[str, Any]:
    return {
        "id": "final",
        "kind": "approval",
        "title": t["final"],
        "people": ["manager"],
        "mode": "any",
        "branches": [
            {"key": "approved", "steps": [_action("send-final", "task", title=t["send_final"], in_hours=24)]},
            {"key": "rejected", "steps": [_action("no-final", "comment", text=t["no_final"])]},
        ],
    }


def _action(step_id: str, what: str, **params: Any) -> dict[str, Any]:
    return {"id": step_id, "kind": "action", "action": what, "params": params}


def install_ready_made(services: Services) -> list[TemplateInfo]:
    """The three ready-made workflows (those not there yet, by name), in the office's language."""
    have = {t.name for t in services.workflows.templates()}
    made = []
    for name, entity, definition, settings in definitions(services.office.language()):
        if name not in have:
            made.append(services.workflows.create(name, entity, definition, **settings))
    return made
