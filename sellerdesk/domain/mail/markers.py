"""The words Amazon's templates use, per language (policy reference, section 6).

Everything language-specific the parser needs lives here: message start/end markers, the labels
of the order id, item tables and reply copies, the phrases that tell the notice kinds apart, the
generic "Amazon customer" labels that are not a buyer's name, and cue phrases that reveal the
template's language.
"""

from __future__ import annotations

import re
import unicodedata

# Text between the runs of hyphens, lower-case, trailing colon removed.
START_MARKERS: dict[str, str] = {
    "begin message": "en",
    "begin message / début du message": "en",
    "message": "en",
    "anfang der nachricht": "de",
    "nachricht": "de",
    "début du message": "fr",
    "inizio messaggio": "it",
    "messaggio": "it",
    "iniciar mensaje": "es",
    "mensaje": "es",
    "メッセージはここから": "ja",
    "メッセージ": "ja",
    "início da mensagem": "pt",
    "mensagem": "pt",
    "begin bericht": "nl",
    "bericht": "nl",
    "meddelande": "sv",
    "wiadomość": "pl",
}
END_MARKERS: dict[str, str] = {
    "end message": "en",
    "end message / fin du message": "en",
    "ende der nachricht": "de",
    "fin du message": "fr",
    "fine messaggio": "it",
    "finalizar mensaje": "es",
    "fin del mensaje": "es",
    "メッセージはここまで": "ja",
    "fim da mensagem": "pt",
    "einde bericht": "nl",
    "slut på meddelandet": "sv",
    "koniec wiadomości": "pl",
}
MARKER_LINE_RE = re.compile(r"^\s*-{4,}\s*(.*?)\s*-{4,}\s*$")

# "Your message:" above the seller's text in a copy of a reply (no markers).
REPLY_LABELS = (
    "your message",
    "ihre nachricht",
    "votre message",
    "il tuo messaggio",
    "tu mensaje",
    "su mensaje",
    "sua mensagem",
    "uw bericht",
    "ditt meddelande",
    "twoja wiadomość",
    "あなたのメッセージ",
)
# The line that signs Amazon's own closing formula after the copied text.
AMAZON_SIGNATURES = ("amazon services", "amazon selling partner support")

# Generic labels shown instead of a buyer's name.
GENERIC_NAMES = frozenset(
    {
        "amazon customer",
        "amazon-kunde",
        "amazon kunde",
        "amazon-kundin",
        "client amazon",
        "cliente amazon",
        "cliente de amazon",
        "acquirente amazon",
        "amazon-klant",
        "klant van amazon",
        "amazon-kund",
        "klient amazon",
        "amazon カスタマー",
        "amazonカスタマー",
        "buyer",
        "the buyer",
        "customer",
        "seller",
        "amazon marketplace",
    }
)

# Column headings of the item tables, lower-case.
TITLE_HEADINGS = frozenset(
    {
        "product name",
        "produktname",
        "nom du produit",
        "nome del prodotto",
        "nombre del producto",
        "nome do produto",
        "productnaam",
        "商品名称",
        "商品名",
        "item in order",
        "item",
        "artikel in der bestellung",
        "artikel",
        "article de la commande",
        "article",
        "articolo nell'ordine",
        "articolo",
        "artículo del pedido",
        "artículo",
        "product",
        "title",
    }
)
REASON_HEADINGS = frozenset(
    {
        "return reason",
        "rücksendegrund",
        "motif du retour",
        "motivo del reso",
        "motivo de la devolución",
        "motivo da devolução",
        "reden van retour",
        "返品理由",
    }
)
COMMENT_HEADINGS = frozenset(
    {
        "customer comments",
        "customer comment",
        "kundenkommentar",
        "kundenkommentare",
        "commentaire du client",
        "commentaires du client",
        "commento del cliente",
        "comentarios del cliente",
        "comentário do cliente",
        "opmerkingen van de klant",
        "購入者のコメント",
    }
)
ASIN_HEADING = "asin"

# Bulleted "* Item: ..." / "* ASIN: ..." lines of order notices.
ITEM_LABELS = ("item", "artikel", "article", "articolo", "artículo", "produit", "product")

# Subject (and body) phrases per notice kind, lower-case, tested as substrings.
KIND_PHRASES: dict[str, tuple[str, ...]] = {
    "reply_copy": (
        "your e-mail to",
        "ihre e-mail an",
        "votre e-mail à",
        "la tua e-mail a",
        "tu correo electrónico a",
        "seu e-mail para",
        "this is a copy of the message you sent",
        "dies ist eine kopie der nachricht",
        "ceci est une copie du message",
    ),
    "optout_bounce": (
        "message to the buyer was not delivered",
        "nachricht an den käufer wurde nicht zugestellt",
        "message à l'acheteur n'a pas été remis",
        "messaggio all'acquirente non è stato consegnato",
        "mensaje al comprador no se ha entregado",
        "has opted out of unsolicited messages",
    ),
    "atoz_claim": (
        "a-to-z guarantee claim",
        "a-bis-z-garantieantrag",
        "garantie a à z",
        "garanzia dalla a alla z",
        "richiesta di rimborso ricevuta",
        "garantía de la a a la z",
    ),
    "refund_issued": (
        "refund initiated",
        "erstattung für bestellung",
        "remboursement initié",
        "rimborso avviato",
        "reembolso iniciado",
        "we have initiated a refund",
    ),
    "return_request": (
        "return authorization notification",
        "return request",
        "rücksendegenehmigung",
        "autorisation de retour",
        "autorizzazione del reso",
        "autorización de devolución",
        "has requested to return",
    ),
}

NOTIFICATION_KINDS: dict[str, str] = {
    "BBC_MESSAGE_SENT_TO_MERCHANT": "buyer_message",
    "BBC_MESSAGE_CONFIRMATION_TO_MERCHANT": "reply_copy",
    "RETURN_REQUEST": "return_request",
    "REFUND_ISSUED": "refund_issued",
    "A_Z_CLAIM_RESPONDENT_NOTIFY": "atoz_claim",
    "BUYER_OPTED_OUT_BSM_MESSAGES": "optout_bounce",
}
KIND_NOTIFICATIONS: dict[str, str] = {kind: name for name, kind in NOTIFICATION_KINDS.items()}

# Cue phrases of each template language (tested on the template text, not the buyer's words).
LANGUAGE_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        "order id",
        "begin message",
        "end message",
        "you have received a message",
        "dear ",
        "your message",
        "this is a copy",
        "return reason",
        "we have initiated a refund",
        "a-to-z guarantee",
        "your e-mail to",
        "congratulations",
        "cancellation request",
        "inquiry from",
        "message from amazon customer",
        "for your information",
        "sold, ",
        "was not delivered",
        "all rights reserved",
        "sincerely",
        "item in order",
    ),
    "de": (
        "bestellnummer",
        "anfang der nachricht",
        "ende der nachricht",
        "hallo ",
        "ihre nachricht",
        "rücksendegrund",
        "erstattung",
        "a-bis-z",
        "stornierungsanfrage",
        "verkauft",
        "frage von amazon-kunde",
        "anfrage zu",
        "sie haben eine nachricht",
        "guten tag",
        "mit freundlichen grüßen",
        "alle rechte vorbehalten",
        "ihre e-mail an",
        "(bestellung:",
        "hinweis:",
    ),
    "fr": (
        "n° de commande",
        "début du message",
        "fin du message",
        "bonjour ",
        "votre message",
        "motif du retour",
        "remboursement",
        "demande de renseignements",
        "vendu, expédiez",
        "cher vendeur",
        "cordialement",
        "tous droits réservés",
        "votre e-mail à",
        "(commande :",
        "pour information",
    ),
    "it": (
        "numero ordine",
        "inizio messaggio",
        "fine messaggio",
        "gentile ",
        "il tuo messaggio",
        "messaggio dall'acquirente",
        "hai ricevuto un messaggio",
        "tutti i diritti riservati",
    ),
    "es": (
        "número de pedido",
        "iniciar mensaje",
        "finalizar mensaje",
        "hola ",
        "tu mensaje",
        "has recibido un mensaje",
        "todos los derechos reservados",
    ),
    "pt": ("número do pedido", "início da mensagem", "fim da mensagem", "olá ", "seu e-mail para"),
    "ja": ("注文番号", "メッセージはここから", "メッセージはここまで"),
}


def normalize_label(text: str) -> str:
    """Lower-case, NFC, single spaces, no trailing colon: how labels are compared."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = " ".join(text.split()).lower()
    return text.rstrip(":： ").strip()


def marker_kind(line: str) -> tuple[str, str] | None:
    """('start'|'end', language) when ``line`` is a ``--- Begin message ---`` marker."""
    match = MARKER_LINE_RE.match(line)
    if not match:
        return None
    label = normalize_label(match.group(1))
    if label in END_MARKERS:
        return "end", END_MARKERS[label]
    if label in START_MARKERS:
        return "start", START_MARKERS[label]
    return None


def is_generic_name(name: str) -> bool:
    return normalize_label(name) in GENERIC_NAMES
