"""Demo Shop's reports and meetings: six months of daily and weekly reports ending yesterday,
a monthly review with three past meetings (notes, decisions, agendas, action items that are
tasks), a weekly team meeting and a 1:1 — and one person trending down, so the owner sees real
signals the moment the demo opens.

A demo seeder (registered in wiring.connect(); feedback comes after org and tasks in
INSTALLED_APPS, so the people, seats and projects exist). The six months of reports are
bulk-inserted (about 2,200 rows; going through the services one report at a time would double
the seed's time); the meetings go through the meetings services when they exist. Idempotent:
reports only while the workspace has no report form, meetings only while it has no series.
The content is the language's (`FeedbackDemo`): English here, Chinese in
`demo_content/<language>.py`; the overseas assistant writes in English in every language.
The rows are made in keel/feedback/demo_rows.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from keel.core.models import Membership
from keel.core.seeding import demo_content_in
from keel.feedback.models import MeetingSeries, ReportForm

# The demo people by their part in the shop (each language maps them to its own emails).
KEYS = ("manager", "service", "purchasing", "assistant")


@dataclass(frozen=True)
class Lines:
    """What one person writes: daily "did" and "blocking" lines, weekly wins, challenges,
    needs from the manager and what bothers them (manager-only)."""

    did: tuple[str, ...]
    blockers: tuple[str, ...]
    wins: tuple[str, ...]
    challenges: tuple[str, ...]
    needs: tuple[str, ...]
    bothering: tuple[str, ...] = ()


@dataclass(frozen=True)
class Review:
    """One past monthly review: notes, decisions, its own agenda items (text, resolved) and
    action items (task title, person key, due in days after the meeting, the agenda item's
    text it follows up or "")."""

    notes: str
    decisions: str
    items: tuple[tuple[str, bool], ...]
    actions: tuple[tuple[str, str, int, str], ...]


@dataclass(frozen=True)
class FeedbackDemo:
    people: dict[str, str]  # KEYS → email
    lines: dict[str, Lines]
    trending: str  # the key of the person whose mood falls over the last four weeks
    tired: Lines  # what they write in those weeks
    watched: str  # their latest weekly "Anything bothering you?" answer (a watched word)
    review: tuple[str, str]  # (title, purpose) of the monthly review
    team: tuple[str, str]
    one_on_one: tuple[str, str]  # title ({name} is the other person), purpose
    reviews: tuple[Review, ...]  # the three past reviews, oldest first
    team_notes: tuple[str, ...]  # the last team meetings, oldest first
    one_on_one_notes: tuple[str, ...]  # the last 1:1s, oldest first


ASSISTANT = Lines(
    did=(
        "Rewrote the bullets for the bamboo cutting board listing",
        "Fixed the suppressed listing (missing size chart) and asked for a re-check",
        "Backend search terms for all six cutting boards",
        "A+ content draft for the spice rack bundle",
        "Keyword research for kitchen storage, 40 new terms in the sheet",
        "Updated the main images on Amazon US after the photo shoot",
        "Answered 12 customer questions on the drawer organiser page",
        "Checked competitor prices for the knife block and logged them",
        "Uploaded the new Shopify product photos and alt texts",
        "Translated the tea set listing into Spanish for amazon.es",
        "Reviewed the listing quality dashboard; fixed two stranded ASINs",
        "Drafted the Instagram captions for next week",
    ),
    blockers=(
        "Waiting for the size chart from the supplier",
        "Seller Central kept logging me out; lost about an hour",
        "Need the final photos before I can finish the A+ modules",
        "Not sure which price to use for the bundle; asked Zhang Min",
    ),
    wins=(
        "The spice rack A+ content went live and conversion is up",
        "No suppressed listings all week",
        "Finished the keyword sheet two days early",
        "Shopify images all have alt text now",
        "The new main image on the cutting board lifted clicks noticeably",
    ),
    challenges=(
        "The time difference makes quick questions slow",
        "Amazon's image rules changed again and two uploads were rejected",
        "Too many small edits came in at once on Thursday",
        "Had to redo the Spanish listing after the price change",
    ),
    needs=(
        "A shared list of the prices for the Q4 deals",
        "Earlier access to the photos after a shoot",
        "Ten minutes on Monday to agree on this week's priorities",
    ),
    bothering=("Nothing really, I like the work.",),
)  # fmt: skip

ENGLISH = FeedbackDemo(
    people={
        "manager": "zhang.min@demo.example",
        "service": "sophie.turner@demo.example",
        "purchasing": "wang.fang@demo.example",
        "assistant": "maria.santos@freelancehub.example",
    },
    lines={
        "manager": Lines(
            did=(
                "Checked stock levels and planned reorders for the cutting boards",
                "Counted the Ningbo delivery against the packing list",
                "Booked the FBA shipment for the spice racks",
                "Packed and shipped 46 Taobao and Shopify orders",
                "Processed 8 returns and restocked what was resellable",
                "Updated the warehouse SOP for receiving",
                "Reviewed the freight quote for the December container",
                "Moved slow stock to the top shelves to free the packing area",
                "Agreed the Prime Day deal prices with the owner",
                "Trained the new packing temp on the label printer",
                "Weekly stock report sent to the owner",
            ),
            blockers=(
                "The label printer jams on the new rolls",
                "Forwarder hasn't confirmed the pickup date",
                "Waiting for the FBA appointment slot",
            ),
            wins=(
                "Every order shipped the same day this week",
                "Receiving is down to 40 minutes per pallet",
                "The FBA shipment was checked in without discrepancies",
                "Cleared the returns backlog",
            ),
            challenges=(
                "Two carriers raised prices for remote areas",
                "The stockroom is almost full before the Q4 containers",
                "Short of hands on Monday after the weekend orders",
            ),
            needs=(
                "A decision on the second warehouse partner",
                "Approval to hire a packing temp for November",
                "Clear priorities when purchasing and shipping compete",
            ),
            bothering=("The stockroom space, before the Q4 containers arrive.",),
        ),
        "service": Lines(
            did=(
                "Answered 38 Amazon buyer messages, all within 24 hours",
                "Handled 6 return requests and issued 4 refunds",
                "Followed up on three negative reviews",
                "Replied to the Shopify contact form and live chat",
                "Wrote the canned replies for late deliveries",
                "Helped a wholesale customer track their order",
                "Sorted Taobao messages about the new tea set",
                "Updated the FAQ page with the new shipping times",
                "Asked happy customers for reviews on the spice rack",
                "Logged the damage claims from the last shipment",
            ),
            blockers=(
                "Waiting for the warehouse to confirm a lost parcel",
                "A customer wants a refund outside the return window; need a decision",
                "The tracking page shows no updates for the EU orders",
            ),
            wins=(
                "Response time under 6 hours all week",
                "Two 1-star reviews updated to 5 stars after we helped",
                "The new canned replies save a lot of typing",
                "Zero A-to-z claims this month so far",
            ),
            challenges=(
                "Lots of 'where is my parcel' messages",
                "Return labels are confusing for EU customers",
                "Chinese and English messages in the same inbox take time",
            ),
            needs=(
                "A clear refund policy for damaged items",
                "Someone to cover the inbox when I'm off",
                "Access to the carrier's claim portal",
            ),
        ),
        "purchasing": Lines(
            did=(
                "Confirmed PO #118 with Yiwu Home Goods",
                "Compared quotes from three bamboo suppliers on 1688",
                "Chased the Ningbo supplier about the late shipment",
                "Checked samples of the silicone lids",
                "Updated the reorder points in the purchasing sheet",
                "Paid the deposit for the knife block order",
                "Asked the supplier for the CE certificate",
                "Negotiated 3% off the spring order",
                "Prepared customs documents with the forwarder",
                "Visited the workshop in Yiwu for a quality check",
            ),
            blockers=(
                "The supplier's new ETD keeps moving",
                "Waiting for the owner to approve the sample cost",
                "Need the HS codes confirmed before Thursday",
            ),
            wins=(
                "Got the new bamboo supplier to agree to our quality checklist",
                "Reorders are on time for every top seller",
                "Saved about ¥4,000 on the spring order",
            ),
            challenges=(
                "Lead times got longer before Chinese New Year",
                "One batch failed the drop test",
                "Freight prices jumped again",
            ),
            needs=(
                "A yearly budget for samples",
                "A second person who can approve payments",
                "Earlier sales forecasts for Q4",
            ),
            bothering=("The Ningbo supplier. I'd like to find a backup.",),
        ),
        "assistant": ASSISTANT,
    },
    trending="service",
    tired=Lines(
        did=(
            "Answered 60+ messages; the sale brought a lot of returns",
            "Worked through the refund queue again",
            "Dealt with an angry customer on the phone for an hour",
            "Return requests all day",
            "Cleared part of the inbox backlog",
        ),
        blockers=(
            "Too many refund requests to keep up with",
            "Still no decision on the damaged-items refunds",
            "The inbox keeps growing faster than I can answer",
        ),
        wins=("Kept the response time under a day, barely",),
        challenges=(
            "Returns doubled after the sale and I'm alone on the inbox",
            "Worked late three evenings this week",
        ),
        needs=("Help with the inbox, honestly", "A clear refund policy so I don't argue alone"),
        bothering=(
            "I'm tired. The same refund fights every day.",
            "I feel I'm not getting anywhere with the backlog.",
        ),
    ),
    watched="Honestly, I'm burned out by the refund fights and I've been thinking about "
    "resigning.",
    review=("Monthly review", "Numbers, lessons and next month's priorities."),
    team=("Weekly team meeting", "What's on this week, who needs help."),
    one_on_one=("1:1 Lin Wei / {name}", "How things are going, and what would help."),
    reviews=(
        Review(
            notes="Revenue 4% over target thanks to the Prime Day deal. Margins held at 36%. "
            "Returns were high on the knife block (loose handles).",
            decisions="Stop selling the old knife block until the new batch passes the "
            "drop test. Keep the Prime Day price on the spice rack for two more weeks.",
            items=(("Knife block returns", True), ("Second warehouse partner in the EU", True)),
            actions=(
                ("Drop test the new knife block batch", "purchasing", 10, "Knife block returns"),
                ("Remove the old knife block from Amazon and Shopify", "owner", 3,
                 "Knife block returns"),
            ),
        ),
        Review(
            notes="Revenue on target, Shopify growing faster than Amazon. The stockroom is "
            "almost full; Q4 containers arrive in three weeks.",
            decisions="Rent extra shelf space for Q4. Book the December container early.",
            items=(("Stockroom space before Q4", True), ("Backup supplier for bamboo", False)),
            actions=(
                ("Rent extra shelf space for November and December", "manager", 14,
                 "Stockroom space before Q4"),
                ("Book the December container", "manager", 7, ""),
            ),
        ),
        Review(
            notes="Revenue 8% under target: the sale brought many returns and refunds. "
            "Customer service is overloaded; response times are slipping. Team mood is lower.",
            decisions="Write a refund policy for damaged items. Look for help on the inbox "
            "during Q4.",
            items=(("Returns after the sale", True), ("Customer service workload", False)),
            actions=(
                ("Write the refund policy for damaged items", "manager", 7,
                 "Returns after the sale"),
                ("Get quotes from two suppliers for bamboo boards", "purchasing", 14,
                 "Backup supplier for bamboo"),
                ("Draft a job post for a part-time service assistant", "manager", 10, ""),
            ),
        ),
    ),
    team_notes=(
        "Q4 container plan agreed. Maria needs the photos by Wednesday.",
        "Inbox is busy after the sale; Zhang Min helps with returns on Tuesday.",
    ),
    one_on_one_notes=(
        "Going well. Wants to learn more about Amazon ads.",
        "Busy with returns after the sale. Agreed to revisit the refund rules.",
        "Seemed tired; returns are too much for one person. Follow up next time.",
    ),
)  # fmt: skip


def seed_demo_feedback(owner: Membership, *, language: str = "en") -> None:
    """Six months of reports, the meeting series and the signals they raise (idempotent)."""
    from keel.feedback import demo_rows

    ws = owner.workspace
    content = demo_content_in(language, package="keel.feedback", english=ENGLISH)
    people = demo_rows.people_of(ws, content.people)
    added = False
    if not ReportForm.objects.in_workspace(ws).exists():
        demo_rows.seed_reports(owner, content, people, language)
        added = True
    if not MeetingSeries.objects.in_workspace(ws).exists():
        demo_rows.seed_meetings(owner, content, people, language)
    if added:
        demo_rows.compute_signals(ws)
