"""The HTML report: a coded conversation with inline SVG charts, in one safe file."""

from mikit.report.html import miti_bars, render_report, write_report
from mikit.report.svg import ScoreBar, score_chart, talk_chart

__all__ = ["ScoreBar", "miti_bars", "render_report", "score_chart", "talk_chart", "write_report"]
