"""Writes the sample data of examples/data/: card transactions with a fraud label.

Deterministic (Python's random with a fixed seed, standard library only), so the committed CSVs
are exactly what this script writes: `python3 examples/data/make_sample_data.py` rewrites them.

Columns, chosen to exercise what real tabular data holds:
  transaction_id     a row id, never a feature
  amount             numeric, some values missing (empty field)
  account_age_days   integer
  prior_transactions integer, some values missing
  country            text category; "NA" (Namibia) is a real value, not a missing one
  promo_code         text category; "None" means no promotion and is a real value
  channel            text category, some values missing
  is_fraud           the binary label (0/1)
fraud/holdout/ holds rows no pipeline trains or calibrates on, as a batch transform gets them:
records.csv with the features only (model order, no header, as the serving contract takes them)
and fraud/labels/holdout.csv with each record's id and label, to judge the predictions.
"""
import csv
import math
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
COLUMNS = ["transaction_id", "amount", "account_age_days", "prior_transactions", "country", "promo_code",
           "channel", "is_fraud"]
COUNTRIES = [("DE", 0.3), ("US", 0.3), ("FR", 0.15), ("NA", 0.15), ("BR", 0.1)]
PROMOS = [("None", 0.6), ("SPRING10", 0.2), ("VIP", 0.1), ("FREESHIP", 0.1)]
CHANNELS = [("web", 0.5), ("app", 0.35), ("store", 0.15)]
# Log-odds contributions: fraud is likelier for large amounts, new accounts, few prior
# transactions, some countries and promo codes, and the web channel.
COUNTRY_RISK = {"DE": -0.4, "US": 0.0, "FR": -0.2, "NA": 1.2, "BR": 0.6}
PROMO_RISK = {"None": 0.0, "SPRING10": 0.3, "VIP": -0.8, "FREESHIP": 0.9}
CHANNEL_RISK = {"web": 0.5, "app": -0.2, "store": -0.9}


def pick(rng: random.Random, weighted):
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def row(rng: random.Random, number: int, prefix: str) -> list:
    amount = round(math.exp(rng.gauss(3.5, 1.0)), 2)
    age = int(rng.expovariate(1 / 400))
    prior = int(rng.expovariate(1 / 30))
    country, promo, channel = pick(rng, COUNTRIES), pick(rng, PROMOS), pick(rng, CHANNELS)
    logit = (-1.6 + 1.5 * (math.log(amount) - 3.5) - 0.003 * age - 0.04 * prior
             + 1.6 * (COUNTRY_RISK[country] + PROMO_RISK[promo] + CHANNEL_RISK[channel]))
    label = int(rng.random() < 1 / (1 + math.exp(-logit)))
    return [
        f"{prefix}-{number:05d}",
        "" if rng.random() < 0.05 else amount,
        age,
        "" if rng.random() < 0.08 else prior,
        country,
        promo,
        "" if rng.random() < 0.04 else channel,
        label,
    ]


def write_csv(path: str, header: list | None, rows: list) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        if header:
            writer.writerow(header)
        writer.writerows(rows)


def rows(count: int, prefix: str, seed: int) -> list:
    rng = random.Random(seed)
    return [row(rng, number, prefix) for number in range(count)]


if __name__ == "__main__":
    write_csv(os.path.join(HERE, "fraud", "train", "transactions.csv"), COLUMNS, rows(1200, "T", seed=11))
    write_csv(os.path.join(HERE, "fraud", "calibration", "transactions.csv"), COLUMNS, rows(600, "C", seed=12))
    holdout = rows(300, "H", seed=13)
    write_csv(os.path.join(HERE, "fraud", "holdout", "records.csv"), None, [r[1:-1] for r in holdout])
    write_csv(os.path.join(HERE, "fraud", "labels", "holdout.csv"), ["transaction_id", "is_fraud"],
              [[r[0], r[-1]] for r in holdout])
