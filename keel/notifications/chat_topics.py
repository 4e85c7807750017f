"""The registry of chat topics: what Keel can post to a team's chat, and how it reads there.

A module registers its topics in its wiring (`register_chat_topic`) and posts with
`keel.notifications.services.chat_post`. A topic whose key is also a notification kind (a
mention) is posted by `notify` itself, to the chats of the recipient's groups and the
workspace's, with the recipient's name added as the `recipient` parameter. Everything else
(a project's progress update, a page due for review, the KPI scorecard) is posted once by the
module that has the news.

A message is rendered when it is sent, in the webhook's language and the workspace's time
zone (`render` is called with that language active): a title line and a few plain lines.
Parameters are names, codes and numbers, never translated text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

from django.utils.translation import gettext_lazy as _

Params = Mapping[str, Any]


class ChatText(NamedTuple):
    title: str
    lines: tuple[str, ...] = ()


class ChatTopic(NamedTuple):
    label: Any  # lazy: the webhook form's checkbox
    render: Callable[[Params], ChatText]
    group_scoped: bool  # a group's chat gets it when it concerns the group or its members
    listed: bool  # offered on the webhook form (the test message is not)
    default: bool  # ticked on a new webhook's form (mentions name people: chosen, not default)


CHAT_TOPICS: dict[str, ChatTopic] = {}


def register_chat_topic(
    topic: str,
    label: Any,
    *,
    title: Any = None,
    render: Callable[[Params], ChatText] | None = None,
    group_scoped: bool = False,
    listed: bool = True,
    default: bool = True,
) -> None:
    """Register `topic`: give `title` (a lazy format string over the parameters; the message
    is that one line) or `render` (params → ChatText, called in the webhook's language)."""
    if (title is None) == (render is None):
        raise TypeError(f"Chat topic {topic!r} needs a title or a render function.")

    def one_line(params: Params) -> ChatText:
        return ChatText(str(title).format(**params))

    CHAT_TOPICS[topic] = ChatTopic(
        label=label,
        render=render or one_line,
        group_scoped=group_scoped,
        listed=listed,
        default=default,
    )


def render_chat(topic: str, params: Params) -> ChatText | None:
    """The message for `topic` in the active language; None when it can't be rendered (a
    topic no longer registered, parameters of an older version)."""
    spec = CHAT_TOPICS.get(topic)
    if spec is None:
        return None
    try:
        return spec.render(params)
    except (KeyError, IndexError, ValueError, TypeError):
        return None


def default_topics() -> list[str]:
    return [key for key, spec in CHAT_TOPICS.items() if spec.listed and spec.default]


def topic_choices() -> list[tuple[str, str]]:
    return [(key, str(spec.label)) for key, spec in CHAT_TOPICS.items() if spec.listed]


def _group_message(params: Params) -> ChatText:
    title = str(_("{actor} wrote to {group}: {subject}")).format(**params)
    return ChatText(title, (params["excerpt"],) if params.get("excerpt") else ())


# Foundation topics. A group's message goes to the group's own chat once (not once per member).
register_chat_topic(
    "group.message",
    _("Messages sent to a group"),
    render=_group_message,
    group_scoped=True,
    default=False,  # every group's subjects in the company chat: chosen, not by default
)
register_chat_topic(
    "chat.test",
    _("Test message"),
    render=lambda p: ChatText(
        str(_("Keel is connected")),
        (
            str(_("{actor} sent this test message. Keel will post here what you chose.")).format(
                **p
            ),
        ),
    ),
    listed=False,
)
