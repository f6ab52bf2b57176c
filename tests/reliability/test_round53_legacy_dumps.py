"""A text dump saved in a double-byte legacy encoding (Shift_JIS, EUC-JP, GBK, Big5,
EUC-KR: a Japanese, Chinese or Korean newsroom's export, an old Windows tool), fault
round 53: a few of its byte pairs happen to be UTF-8, so the reader of UTF-8 with stray
windows-1252 bytes (round 13) took it for UTF-8 with a pasted paragraph and kept the
article as mojibake ("“Œ‹ž‚̐V‚µ‚¢ƒtƒFƒŠ[" for its title), without a word. Now such a
file is a `bad_encoding` reject, as a latin-1 file is (round 3: nothing in a dump says
its encoding). Real files read by the discover stage."""

from __future__ import annotations

from pathlib import Path

import pytest

from tasks.discover.inputs import read_dumps

HEADER = " date 2024-04-04 https://news.example/{}.html\n"
JAPANESE = ("東京の新しいフェリー\n東京湾を渡るフェリーが毎日運航を再開しました。"
            "乗客は安い運賃を喜んでいます。\n")
TEXTS = {
    "shift_jis": JAPANESE,
    "euc-jp": JAPANESE,
    "gbk": "上海的新渡轮\n上海的新渡轮每天运行。乘客很高兴票价便宜。市长说这是好消息。\n",
    "big5": "臺北的新渡輪\n臺北的新渡輪每天運行。乘客很高興票價便宜。市長說這是好消息。\n",
    "euc-kr": ("서울의 새로운 페리\n서울의 새로운 페리가 매일 운항을 재개했습니다. "
               "승객들은 저렴한 요금을 기뻐합니다.\n"),
}


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_a_dump_in_a_double_byte_legacy_encoding_is_a_reject_not_mojibake(
        tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes((HEADER.format(encoding) + TEXTS[encoding]).encode(encoding))
    docs, [reject] = read_dumps(path, "run-53")
    assert docs == []
    assert reject["reason"] == "bad_encoding", reject
    assert reject["detail"].startswith("not valid UTF-8 at byte ")


@pytest.mark.parametrize("encoding", sorted(TEXTS))
def test_the_same_dump_in_utf8_is_read(tmp_path: Path, encoding: str) -> None:
    """The guard: the same text saved as UTF-8."""
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes((HEADER.format(encoding) + TEXTS[encoding]).encode())
    docs, rejects = read_dumps(path, "run-53")
    assert rejects == [] and docs[0]["hint_title"] == TEXTS[encoding].split("\n")[0]


def test_utf8_with_a_pasted_windows_1252_paragraph_is_still_read(tmp_path: Path) -> None:
    """The guard (round 13): a Word paragraph's quotes, dashes and accents in UTF-8."""
    path = tmp_path / "paste.txt"
    path.write_bytes((HEADER.format("paste") + "Café reopens – “at last”\n").encode()
                     + b"The caf\xe9 by the river reopens. \x93We waited\x94, the owner said "
                     b"\x96 and the na\xefve plan worked.\n")
    docs, rejects = read_dumps(path, "run-53")
    assert rejects == []
    assert docs[0]["dump_text"] == ("The café by the river reopens. “We waited”, the owner "
                                    "said – and the naïve plan worked.")
