"""The observatory in a real browser over a store of SaudiNewsNet articles: pages load clean under a strict
CSP, links lead from a speaker to the evidence of a quote, maps and timelines draw data, article text stays
inert, and nothing scrolls sideways on a 360 px phone."""

from __future__ import annotations

from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from . import chrome
from .conftest import HOSTILE_ID, SCRIPT
from .pages import pages

WAIT = 15


def open_page(driver: Any, url: str) -> None:
    driver.get(url)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")


def wait_for(driver: Any, css: str) -> Any:
    return WebDriverWait(driver, WAIT).until(expected_conditions.presence_of_element_located((By.CSS_SELECTOR, css)))


def test_every_page_loads_without_console_errors(driver: Any, base_url: str, snn_db: str) -> None:
    chrome.console_errors(driver)
    for name, path in pages(snn_db).items():
        open_page(driver, base_url + path)
        if name == "docs":
            wait_for(driver, ".swagger-ui .info")
        for chart in driver.find_elements(By.CSS_SELECTOR, ".timeline[data-source]"):
            WebDriverWait(driver, WAIT).until(lambda d, chart=chart: chart.get_attribute("data-rendered"))
        for box in driver.find_elements(By.CSS_SELECTOR, ".map[data-source]"):
            WebDriverWait(driver, WAIT).until(lambda d, box=box: box.get_attribute("data-markers"))
        errors = chrome.console_errors(driver)
        if name == "not-found":  # the 404 itself is logged; nothing else may be
            assert driver.find_element(By.CSS_SELECTOR, ".error-page"), path
            errors = [error for error in errors if "404" not in error]
        assert errors == [], f"{name} {path}: {errors}"
        assert driver.title, path


def test_speaker_to_quote_to_highlighted_evidence(driver: Any, base_url: str) -> None:
    open_page(driver, base_url + "/speakers")
    name = driver.find_element(By.CSS_SELECTOR, "table a[href^='/speakers/']")
    expected = name.text
    name.click()
    assert wait_for(driver, "h1").text == expected
    evidence = wait_for(driver, "li.quote-item a.evidence")
    quoted = driver.find_element(By.CSS_SELECTOR, "li.quote-item blockquote").text
    evidence.click()
    WebDriverWait(driver, WAIT).until(lambda d: "/articles/" in d.current_url and "#q" in d.current_url)
    focused = WebDriverWait(driver, WAIT).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#text .focus"))
    shown = "".join(part.text for part in focused)
    assert " ".join(shown.split()) == " ".join(quoted.split())
    visible = driver.execute_script(
        "var r = arguments[0].getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight;", focused[0]
    )
    assert visible, "the quote's evidence is scrolled into view"


def test_map_and_timeline_draw_the_data(driver: Any, base_url: str, snn_db: str) -> None:
    for path, charted in ((pages(snn_db)["place"], True), ("/places", False), ("/events", True)):
        open_page(driver, base_url + path)
        box = wait_for(driver, ".map[data-source]")
        markers = WebDriverWait(driver, WAIT).until(lambda d, box=box: box.get_attribute("data-markers"))
        assert int(markers) > 0, path
        assert len(box.find_elements(By.CSS_SELECTOR, "path.leaflet-interactive")) >= int(markers), path  # the circles
        assert len(box.find_elements(By.CSS_SELECTOR, ".leaflet-overlay-pane path")) > int(markers), path  # and the countries
        if not charted:
            continue
        chart = wait_for(driver, ".timeline[data-source]")
        days = WebDriverWait(driver, WAIT).until(lambda d, chart=chart: chart.get_attribute("data-rendered"))
        assert int(days) >= 1 and chart.find_element(By.CSS_SELECTOR, "canvas").size["width"] > 100, path


def test_map_zooms(driver: Any, base_url: str) -> None:
    open_page(driver, base_url + "/places")
    box = wait_for(driver, ".map[data-markers]")
    before = float(box.get_attribute("data-zoom") or 0)
    driver.find_element(By.CSS_SELECTOR, ".leaflet-control-zoom-in").click()
    WebDriverWait(driver, WAIT).until(lambda d: float(box.get_attribute("data-zoom") or 0) > before)


@pytest.mark.parametrize("path", [f"/articles/{HOSTILE_ID}", "/search?q=%D8%AC%D9%86%D9%8A%D9%81", "/speakers", "/entities", "/places", "/events?type=MEET", "/"])
def test_script_in_articles_stays_inert(driver: Any, base_url: str, path: str) -> None:
    open_page(driver, base_url + path)
    for chart in driver.find_elements(By.CSS_SELECTOR, ".map[data-source]"):
        WebDriverWait(driver, WAIT).until(lambda d, chart=chart: chart.get_attribute("data-markers"))
    assert driver.execute_script("return window.__marsadPwned === undefined"), path
    assert not driver.find_elements(By.CSS_SELECTOR, "main img, main script:not([type='application/json'])"), path
    if path.startswith("/articles/"):
        assert SCRIPT in driver.find_element(By.ID, "text").text  # shown as text
        assert not driver.find_elements(By.CSS_SELECTOR, "a[href^='javascript:']")


def test_phone_width_has_no_horizontal_scroll(driver: Any, base_url: str, snn_db: str) -> None:
    chrome.emulate_width(driver, *chrome.PHONE)
    try:
        for name, path in pages(snn_db).items():
            open_page(driver, base_url + path)
            if name == "docs":
                wait_for(driver, ".swagger-ui .info")
            width = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            assert width[1] == chrome.PHONE[0], name
            assert width[0] <= width[1], f"{name} {path} is {width[0]} px wide"
    finally:
        chrome.reset_width(driver)
