"""Full-text search: CJK words inside sentences, ranking, snippets, literal special characters,
index upkeep through the triggers, and ``sellerdesk search``."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from inbox_seed import T0, Seed

from sellerdesk.cli.context import CliContext
from sellerdesk.domain.search_text import fts_query, index_text, make_snippet
from sellerdesk.services.search import SearchService
from sellerdesk.store import search_repo


@pytest.fixture
def seed(store) -> Seed:  # type: ignore[no-untyped-def]
    return Seed(store)


def _ids(store, query: str, **kwargs) -> list[int]:  # type: ignore[no-untyped-def]
    return [hit.id for hit in SearchService(store).search(query, 50, **kwargs)]


def test_chinese_two_and_three_character_words_inside_a_sentence(store, seed) -> None:
    cid = seed.conversation(buyer="李 伟", marketplace="JP")
    report = seed.message(cid, T0, text="我明天提交项目报告，请确认。")
    other = seed.message(cid, T0 + dt.timedelta(hours=1), text="谢谢你的帮助")
    assert _ids(store, "项目") == [report]
    assert _ids(store, "报告") == [report]
    assert _ids(store, "提交项目") == [report]
    assert _ids(store, "项目报") == [report]  # three characters across word borders
    assert _ids(store, "帮助") == [other]
    assert _ids(store, "项报") == []  # not adjacent in the text
    assert _ids(store, "目报告请") == []  # the comma splits the run


def test_japanese_words_inside_a_sentence(store, seed) -> None:
    cid = seed.conversation(buyer="佐藤 花子", marketplace="JP")
    first = seed.message(cid, T0, text="商品がまだ届きません。配送状況を確認していただけますか。")
    assert _ids(store, "届き") == [first]
    assert _ids(store, "配送状況") == [first]
    assert _ids(store, "確認") == [first]
    assert _ids(store, "佐藤") == [first]  # buyer names are indexed too
    assert _ids(store, "返品") == []


def test_half_and_full_width_forms_match(store, seed) -> None:
    cid = seed.conversation()
    wanted = seed.message(cid, T0, text="ＡＳＩＮ　Ｂ０ＡＢＣＤ１２ ｶﾀｶﾅ")
    assert _ids(store, "B0ABCD12") == [wanted]
    assert _ids(store, "カタカナ") == [wanted]


def test_subject_order_id_asin_notes_and_buyer_name_are_searchable(store, seed) -> None:
    cid = seed.conversation(buyer="Gaëlle Martin", order_id="404-4252870-0933940")
    mid = seed.message(cid, T0, text="Bonjour", subject="Commande retardée", asins=("B0VUQEPF19",))
    assert _ids(store, "404-4252870-0933940") == [mid]
    assert _ids(store, "B0VUQEPF19") == [mid]
    assert _ids(store, "retardee") == [mid]  # accents folded
    assert _ids(store, "gaelle") == [mid]
    assert _ids(store, "fragile") == []
    seed.set_notes(cid, "Customer asked to mark the parcel fragile")
    assert _ids(store, "fragile") == [mid]  # notes re-indexed through the trigger


def test_ranking_puts_order_id_and_subject_hits_first(store, seed) -> None:
    mentions = seed.conversation(buyer="Anna Schmidt")
    in_body = seed.message(
        mentions, T0, text="Ich habe noch eine Frage zu einer anderen Sache, nicht zur lampe, "
        "sondern zu etwas ganz anderem, das mit der Bestellung nichts zu tun hat."
    )
    about = seed.conversation(buyer="Lukas Weber")
    in_subject = seed.message(about, T0, text="Bitte antworten", subject="Lampe defekt")
    assert _ids(store, "lampe") == [in_subject, in_body]


def test_all_words_must_match_and_last_word_is_a_prefix_as_you_type(store, seed) -> None:
    cid = seed.conversation()
    mid = seed.message(cid, T0, text="The mug arrived with a cracked handle")
    assert _ids(store, "cracked mug") == [mid]
    assert _ids(store, "cracked spoon") == []
    assert _ids(store, "crac") == []
    assert _ids(store, "crac", as_you_type=True) == [mid]


@pytest.mark.parametrize(
    "query",
    ['"', "*", "%", "_", "(", "NEAR(", "a OR", "-x", "^", "'; DROP TABLE messages; --", "\\"],
)
def test_operator_and_like_characters_are_plain_text(store, seed, query: str) -> None:
    cid = seed.conversation()
    seed.message(cid, T0, text="50% off for a_b (with quotes \"x\") and stars *")
    SearchService(store).search(query, 10)  # never an FTS5 syntax error
    assert store.db.execute("SELECT count(*) FROM messages").fetchone()[0] == 1


def test_percent_and_underscore_are_not_wildcards(store, seed) -> None:
    cid = seed.conversation()
    percent = seed.message(cid, T0, text="You promised 50% off")
    seed.message(cid, T0 + dt.timedelta(hours=1), text="I paid 500 dollars")
    underscore = seed.message(cid, T0 + dt.timedelta(hours=2), text="code ab_cd please")
    assert _ids(store, "50%") == [percent]  # '%' is no LIKE wildcard: 500 does not match
    assert _ids(store, "ab_cd") == [underscore]
    assert _ids(store, "a_c") == []  # '_' matches no single character


def test_snippets_mark_the_match_in_the_original_text(store, seed) -> None:
    cid = seed.conversation()
    seed.message(cid, T0, text="Hello, " + "padding words here " * 10 + "the Café set broke.")
    hit = SearchService(store).search("cafe", 5)[0]
    assert "[Café]" in hit.snippet
    assert hit.snippet.startswith("…")
    assert "<b>Café</b>" in hit.snippet_html
    cjk = make_snippet("明天提交项目报告", "项目")
    assert cjk is not None and cjk.marked() == "明天提交[项目]报告"
    escaped = make_snippet("<script> & the parcel", "parcel")
    assert escaped is not None and escaped.html() == "&lt;script&gt; &amp; the <b>parcel</b>"


def test_deleted_messages_leave_the_index(store, seed) -> None:
    cid = seed.conversation()
    mid = seed.message(cid, T0, text="unique zebra word")
    assert _ids(store, "zebra") == [mid]
    with store.write() as db:
        db.execute("DELETE FROM messages WHERE id = ?", [mid])
    assert _ids(store, "zebra") == []


def test_index_text_and_query_forms() -> None:
    assert index_text("明天提交") == " 明天 天提 提交 交 "
    assert fts_query("项目") == '"项目"'
    assert fts_query("提交项目") == '"提交 交项 项目"'
    assert fts_query("") is None and fts_query("%%%") is None
    assert fts_query('say "hi"', prefix_last=True) == '"say" AND """hi"""'


def test_triggers_queue_and_index_pending_drains(store, seed) -> None:
    cid = seed.conversation()
    seed.message(cid, T0, text="queued")
    with store.read() as db:
        assert search_repo.pending_count(db) == 1
    assert SearchService(store).refresh_index() == 1
    with store.read() as db:
        assert search_repo.pending_count(db) == 0


def test_conversation_hits_are_grouped_best_first(store, seed) -> None:
    first = seed.conversation(buyer="Harry Wilson")
    seed.message(first, T0, text="parcel missing")
    seed.message(first, T0 + dt.timedelta(hours=2), text="still no parcel")
    second = seed.conversation(buyer="Isla Taylor")
    seed.message(second, T0, text="the parcel", subject="Parcel parcel")
    hits = SearchService(store).conversations("parcel")
    assert hits.conversation_ids == (second, first)
    assert "<b>" in hits.snippets_html[first]


def test_cli_search_json(store, seed, data_dir) -> None:
    cid = seed.conversation(buyer="高橋 美咲")
    mid = seed.message(cid, T0, text="注文した色と違う商品が届きました。")
    out = io.StringIO()
    from sellerdesk.cli import build_parser

    args = build_parser().parse_args(["search", "商品", "--json", "--limit", "5"])
    context = CliContext(data_dir=data_dir, stdout=out)
    try:
        assert args.handler(args, context) == 0
    finally:
        context.close()
    hits = json.loads(out.getvalue())
    assert [hit["conversation_id"] for hit in hits] == [cid]
    assert hits[0]["message_id"].startswith("m") and hits[0]["id"] == mid
    assert hits[0]["received_at"] == "2026-11-20T12:00:00Z"
    assert "[商品]" in hits[0]["snippet"]


def test_cli_search_rejects_bad_limit(capsys) -> None:
    from sellerdesk.app import main

    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", "--limit", "0"])
    assert exit_info.value.code == 2


def test_very_common_words_list_the_newest_first(store, seed, monkeypatch) -> None:
    cid = seed.conversation()
    older = seed.message(cid, T0, text="parcel parcel parcel parcel")
    newer = seed.message(cid, T0 + dt.timedelta(hours=1), text="a parcel")
    newest = seed.message(cid, T0 + dt.timedelta(hours=2), text="the parcel, at last")
    assert _ids(store, "parcel")[0] == older  # few hits: ranked (more mentions first)
    monkeypatch.setattr(search_repo, "RANK_LIMIT", 2)
    assert _ids(store, "parcel") == [newest, newer, older]
