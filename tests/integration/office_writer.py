"""A writer process for the crash and contention tests.

python office_writer.py DB count N DEAL_ID   N transactions, each adding 1 to the deal's amount
                                              with the version check (again on a conflict);
                                              prints "busy=B conflicts=C" at the end
python office_writer.py DB mixed SEED        mixed writes for ever (new deals, bulk stage moves
                                              of 50 deals, edits, new companies), "tx" after each
                                              commit; the test kills it at a random moment
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal
from typing import Any

from app.services.container import open_services
from app.services.core.errors import ConflictError, DatabaseError, ServiceError
from app.services.deals.bulk import DealSelection

FIRST_DEALS = 400  # the demo database the tests copy


def count(services: Any, deal_id: int, n: int) -> None:
    busy = conflicts = 0
    for _ in range(n):
        while True:
            deal = services.deals.get(deal_id)
            try:
                services.deals.update(deal_id, deal.version, amount=deal.amount + Decimal(1))
            except ConflictError:
                conflicts += 1
                continue
            except DatabaseError:
                busy += 1
                continue
            break
    print(f"busy={busy} conflicts={conflicts}", flush=True)


def mixed(services: Any, rng: random.Random) -> None:
    pipeline = services.pipelines.list()[0]
    stages = [s for s in pipeline.stages if s.semantic.value == "in_progress"]
    while True:
        kind = rng.random()
        try:
            if kind < 0.35:
                amount = Decimal(rng.randrange(100, 10_000))
                services.deals.create(
                    title=f"Deal {rng.randrange(10**6)}", amount=amount, pipeline_id=pipeline.id
                )
            elif kind < 0.6:
                chosen = tuple(rng.sample(range(1, FIRST_DEALS + 1), 50))
                services.deal_bulk.update(DealSelection(ids=chosen), "stage_id", rng.choice(stages).id)
            elif kind < 0.85:
                deal = services.deals.get(rng.randrange(1, FIRST_DEALS + 1))
                services.deals.update(deal.id, deal.version, amount=Decimal(rng.randrange(100, 50_000)))
            else:
                services.companies.create(title=f"Company {rng.randrange(10**6)}")
        except ServiceError:  # another pipeline's deal, a stage needing fields: refused, nothing written
            continue
        print("tx", flush=True)


def main() -> None:
    database, mode = sys.argv[1], sys.argv[2]
    services = open_services(database, create=False)
    if mode == "count":
        count(services, int(sys.argv[4]), int(sys.argv[3]))
    else:
        mixed(services, random.Random(int(sys.argv[3])))
    services.close()


if __name__ == "__main__":
    main()
