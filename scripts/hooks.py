"""The build, event by event: which concern's step runs on each mkdocs event, and in what order.

mkdocs loads this module by its path (mkdocs.yml `hooks:`), so no code imports it. Each event calls
the steps below in the order written; each step lives beside its concern's code. mkdocs-static-i18n
builds the other languages from its own `on_post_build` (its priority runs it after this module's),
and every event here then runs again for each language; nothing is kept from one build to the next:
what a step needs comes from the event's arguments. Invalid data stops the build with the data's own
message (file, line, fix), translated once here into mkdocs' error.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from scripts import markers
from scripts.changes.records import changes
from scripts.changes.steps import write_feed
from scripts.checks.ids import check_unique_ids
from scripts.checks.titles import check_title_is_written
from scripts.citation.steps import citation_context
from scripts.core.build_date import date_the_build
from scripts.core.languages import languages
from scripts.core.load import DataError
from scripts.easy_read.records import easy_read_data
from scripts.easy_read.steps import mark_easy_read
from scripts.legal.publisher import publisher
from scripts.legal.security_txt import write_security_txt
from scripts.share.favicon import write_favicon_ico
from scripts.share.robots import write_robots_txt
from scripts.signatories.records import signatories
from scripts.signatories.steps import list_in_place as signatories_list
from scripts.signatories.steps import write_exports as write_signatories_exports
from scripts.sources.registry import sources
from scripts.text import steps as text
from scripts.theme import steps as theme
from scripts.translations import steps as translations

Event = TypeVar("Event", bound=Callable[..., Any])


def data_errors(event: Event) -> Event:
    """Invalid data met in any step stops the build with its message, which names the file, line and fix."""

    @functools.wraps(event)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return event(*args, **kwargs)
        except DataError as error:
            raise PluginError(str(error)) from None

    return run  # type: ignore[return-value]


@data_errors
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # First, before mkdocs dates anything (sitemap): one commit gives one site.
    date_the_build()
    # Then a missing translation is named before anything else fails.
    translations.check_every_page_is_translated(config)
    # Every data file checked before any page is built.
    theme.name_the_site(config)
    sources()
    publisher()
    changes(langs=languages(config))
    signatories()
    easy_read_data()
    return config


@data_errors
def on_files(files: Files, config: MkDocsConfig) -> Files:
    translations.check_translated_pages(config)
    theme.leave_out_unused_theme_files(files)
    return files


@data_errors
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    theme.number_the_reasons(nav)
    return nav


@data_errors
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    markdown = text.whole_text_markdown(markdown, page, config, files)
    return markers.replace_markers(markdown, page, config, files)


@data_errors
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # First: the menu, the footer and the share text name every page by its title.
    check_title_is_written(page)
    html = theme.heading_link_titles(html, config)
    html = text.finish_html(html, page, config, files)
    html = mark_easy_read(html, page)
    # Last: thousands of entries skip the passes above (scripts/signatories/page.py insert_list).
    return signatories_list(html, page, config, files)


@data_errors
def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    theme.share_compiled_templates(env)
    return env


@data_errors
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    citation_context(context, page, config, nav.pages)
    theme.page_context(context, page, config, nav)
    return context


@data_errors
def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    theme.template_context(context, template_name, config)
    return context


@data_errors
def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return theme.written_template(output, template_name, config)


@data_errors
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    write_feed(page, config)
    output = theme.written_page(output)
    # The strict build stops on an id written twice (a link to it would open at the first only).
    check_unique_ids(output, page)
    return output


@data_errors
def on_post_build(config: MkDocsConfig) -> None:
    theme.write_assets(config)
    write_signatories_exports(config)
    # mkdocs leaves dot-folders out of docs/: /.well-known/security.txt is written here.
    write_security_txt(config)
    write_robots_txt(config)
    write_favicon_ico(config)
