"""`motcua assistant ask "QUESTION" [--dossier CODE --id-number N] [--conversation TOKEN] [--json]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext

from motcua.assistant.services import AssistantError, ask
from motcua.core.cli import BadInput, to_json


class Command(BaseCommand):
    help = "Trợ lý ảo: hỏi về thủ tục hành chính hoặc tình trạng hồ sơ."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ask_parser = sub.add_parser("ask", help=gettext("Đặt một câu hỏi."))
        ask_parser.add_argument("question", help=gettext("Câu hỏi, có dấu hoặc không dấu."))
        ask_parser.add_argument("--dossier", default="", help=gettext("Mã hồ sơ (để xem tình trạng)."))
        ask_parser.add_argument("--id-number", default="", help=gettext("Số định danh của người nộp."))
        ask_parser.add_argument(
            "--conversation",
            default="",
            help=gettext("Mã hội thoại của câu trả lời trước (câu hỏi nối tiếp)."),
        )
        ask_parser.add_argument("--json", action="store_true", help=gettext("In kết quả dạng JSON."))

    def handle(self, *args: Any, **options: Any) -> None:
        if bool(options["dossier"]) != bool(options["id_number"]):
            raise BadInput(gettext("Cần cả mã hồ sơ (--dossier) và số định danh (--id-number)."))
        try:
            answer = ask(
                options["question"],
                conversation=options["conversation"],
                dossier_code=options["dossier"],
                id_number=options["id_number"],
            )
        except AssistantError as exc:
            raise BadInput(exc.message) from exc
        if options["json"]:
            self.stdout.write(to_json(answer.as_dict()))
            return
        self.stdout.write(answer.answer)
