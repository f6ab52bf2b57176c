"""Shared sample texts for the filter and language tests."""

ARTICLE = "\n\n".join([
    "The harbour bridge reopened to traffic on Thursday after two years of repairs that "
    "cost the city more than 40 million euros, officials said at a ceremony on the quay.",
    "Engineers replaced the steel cables, resurfaced the deck and installed new sensors "
    "that measure the strain on the structure every few seconds, the city said.",
    "Local businesses on both banks welcomed the reopening, saying the closure had cut the "
    "number of customers crossing from the old town by almost a third.",
])
TEASERS = "\n".join(
    f"Headline number {i} about the council\n12 May 2024" for i in range(8)
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden Energiepreise "
    "beschlossen. Die Entlastungen sollen vor allem Familien mit kleinen Einkommen helfen, "
    "sagte der Minister nach der Sitzung des Kabinetts in Berlin."
)
