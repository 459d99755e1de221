"""iter_articles: files, folders, stdin, ids; bad items become errors and the batch goes on."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.ingest import Article, IngestError, iter_articles, text_id
from marsad.ingest.article import MAX_ARTICLE_BYTES

from .conftest import ARTICLE

HTML = """<!doctype html><html lang="ar"><head><meta charset="windows-1256"><title>عنوان الصفحة</title></head>
<body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>عنوان الصفحة</h1>
<p>قال المتحدث باسم الوزارة إن المحادثات ستستأنف الأسبوع المقبل في القاهرة بحضور جميع الأطراف المعنية بالأزمة.</p>
<p>وأضاف أن «الأجواء إيجابية» وأن الوفود ستناقش ملف المعتقلين وعودة اللاجئين إلى مدنهم وقراهم.</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def collect(paths, **kwargs) -> tuple[list[Article], list[IngestError]]:
    items = list(iter_articles(paths, **kwargs))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, IngestError)]


def test_text_file_id_is_stem(tmp_path: Path) -> None:
    path = tmp_path / "geneva-talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    articles, errors = collect([path])
    assert not errors
    assert articles[0].id == "geneva-talks"
    assert articles[0].text == ARTICLE
    assert articles[0].meta["path"] == str(path)


def test_folder_is_walked_recursively_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes(ARTICLE.encode("cp1256"))
    (tmp_path / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    articles, errors = collect([tmp_path])
    assert not errors
    assert [a.id for a in articles] == ["a", "b"]
    assert [a.meta["encoding"] for a in articles] == ["utf-8", "windows-1256"]


def test_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("cp1256"))
    articles, errors = collect([path])
    assert not errors
    article = articles[0]
    assert article.meta["encoding"] == "windows-1256"
    assert article.meta["title"] == "عنوان الصفحة"
    assert "الأجواء إيجابية" in article.text
    assert "جميع الحقوق محفوظة" not in article.text
    assert "الرئيسية" not in article.text


def test_stdin_text_and_jsonl() -> None:
    articles, errors = collect(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-8")))
    assert not errors and articles[0].text == ARTICLE and articles[0].id == text_id(ARTICLE)
    lines = "\n".join(json.dumps({"id": str(i), "text": f"نص {i}"}, ensure_ascii=False) for i in range(3)).encode()
    articles, errors = collect(["-"], stdin=io.BytesIO(lines))
    assert not errors and [a.id for a in articles] == ["0", "1", "2"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "whitespace"),
        ("binary.txt", b"\x00\x01\x02ELF\x00\x00", "binary"),
        ("broken.html", b"<html><body><div></div></body></html>", "no article text"),
        ("broken.xml", b"<rss version='2.0'><channel><title>unclosed & <<broken", "malformed feed"),
        ("empty.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>", "no items"),
        ("missing.txt", None, "no such file"),
    ],
)
def test_bad_single_input_is_one_line_error(tmp_path: Path, name: str, data: bytes | None, fragment: str) -> None:
    path = tmp_path / name if data is None else _write(tmp_path / name, data)
    articles, errors = collect([path])
    assert not articles
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(str(path))
    assert fragment in message
    assert "\n" not in message


def test_batch_continues_past_bad_items(tmp_path: Path) -> None:
    _write(tmp_path / "1-good.txt", ARTICLE.encode())
    _write(tmp_path / "2-bad.txt", b"\x00\x00")
    _write(tmp_path / "3-good.txt", (ARTICLE + "تتمة").encode("cp1256"))
    articles, errors = collect([tmp_path, tmp_path / "nope.txt"])
    assert [a.id for a in articles] == ["1-good", "3-good"]
    assert len(errors) == 2


def test_huge_file_is_refused_with_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "huge.txt", ("كلمة " * (MAX_ARTICLE_BYTES // 9)).encode() + b"x" * 100)
    _, errors = collect([path])
    assert "limit" in str(errors[0]) and "huge.txt" in str(errors[0])


def test_unknown_extension_named_explicitly_is_sniffed(tmp_path: Path) -> None:
    path = _write(tmp_path / "page.dat", HTML.encode("cp1256"))
    articles, errors = collect([path])
    assert not errors and "الأجواء إيجابية" in articles[0].text


def test_stdin_jsonl_longer_than_the_sniffed_head() -> None:
    # Lines cross the 64 KiB sniffing boundary; none may be split or lost.
    records = [json.dumps({"id": str(i), "text": "نص طويل " * 300 + str(i)}, ensure_ascii=False) for i in range(60)]
    articles, errors = collect(["-"], stdin=io.BytesIO("\n".join(records).encode("utf-8")))
    assert not errors
    assert [a.id for a in articles] == [str(i) for i in range(60)]
    assert all(a.text.endswith(a.id) for a in articles)
