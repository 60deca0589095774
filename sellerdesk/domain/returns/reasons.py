"""Which return reasons put the fault on the seller (wrong, damaged, defective, not as described).

Amazon's notices give the buyer's reason in the marketplace's language. A seller-fault reason
means no restocking fee and no deduction of shipping (RET-RESTOCKING, RET-SHIPPING-FAULT).
The keywords below are lower-case fragments of Amazon's reason labels, matched as substrings.
"""

from __future__ import annotations

SELLER_FAULT_FRAGMENTS: tuple[str, ...] = (
    # English
    "defective", "doesn't work", "does not work", "damaged", "wrong item", "inaccurate",
    "not as described", "missing parts", "missing part", "different from", "arrived late",
    "not compatible", "counterfeit",
    # German
    "defekt", "beschädigt", "falscher artikel", "falschen artikel", "ungenaue beschreibung",
    "fehlende teile", "funktioniert nicht", "zu spät",
    # French
    "défectueux", "endommagé", "mauvais article", "description inexacte", "pièces manquantes",
    "ne fonctionne pas",
    # Italian
    "difettoso", "danneggiato", "articolo sbagliato", "descrizione imprecisa",
    "parti mancanti", "non funziona",
    # Spanish
    "defectuoso", "dañado", "artículo equivocado", "descripción inexacta", "faltan piezas",
    "no funciona",
    # Japanese
    "不良", "破損", "間違った商品", "説明と異なる", "部品が不足",
    # Chinese
    "损坏", "有缺陷", "发错", "描述不符", "缺少配件",
)

BUYER_FAULT_FRAGMENTS: tuple[str, ...] = (
    "bought by mistake", "no longer needed", "better price", "too small", "too large",
    "changed mind", "ordered twice", "irrtümlich", "nicht mehr benötigt", "zu klein", "zu groß",
    "besserer preis", "commandé par erreur", "plus nécessaire", "trop petit", "trop grand",
    "acquistato per errore", "non più necessario", "troppo piccolo", "troppo grande",
    "comprado por error", "ya no lo necesito", "demasiado pequeño", "demasiado grande",
    "誤って注文", "不要になった", "サイズが小さ", "サイズが大き",
)


def is_seller_fault(reason: str | None) -> bool | None:
    """True for a seller-fault reason, False for a buyer-side one, None when unknown."""
    if not reason or not reason.strip():
        return None
    text = reason.casefold()
    if any(fragment in text for fragment in SELLER_FAULT_FRAGMENTS):
        return True
    if any(fragment in text for fragment in BUYER_FAULT_FRAGMENTS):
        return False
    return None
