"""FastAPI dependencies: everything a route needs comes from ``app.state`` through these."""

from __future__ import annotations

from fastapi import Request

from service.answering import AnswerService
from service.config import Settings
from service.index import NewsIndex


def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_index(request: Request) -> NewsIndex:
    """The open index."""
    index: NewsIndex = request.app.state.index
    return index


def get_answer_service(request: Request) -> AnswerService:
    """The question-answering pipeline."""
    service: AnswerService = request.app.state.answers
    return service
