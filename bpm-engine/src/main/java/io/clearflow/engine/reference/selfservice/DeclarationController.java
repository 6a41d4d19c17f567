package io.clearflow.engine.reference.selfservice;

import io.clearflow.engine.api.Idempotent;
import io.clearflow.engine.forms.FormView;
import io.clearflow.engine.forms.FormViews;
import io.clearflow.engine.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/selfservice")
@Tag(name = "Self-service declarations (self-service mode)",
        description = "Participants declare; rules check instantly and accept automatically where they allow")
class DeclarationController {

    private final DeclarationService declarations;
    private final DeclarationRules rules;
    private final FormViews forms;
    private final CurrentUser currentUser;

    DeclarationController(DeclarationService declarations, DeclarationRules rules, FormViews forms,
                          CurrentUser currentUser) {
        this.declarations = declarations;
        this.rules = rules;
        this.forms = forms;
        this.currentUser = currentUser;
    }

    @Idempotent
    @PostMapping("/declarations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare (participants): 400 with field errors when a field breaks a rule, else 201 with "
            + "its status (AUTO_APPROVED, or IN_REVIEW with the reasons)")
    Declaration submit(@RequestBody Map<String, Object> values) {
        return declarations.submit(currentUser.get(), values);
    }

    @GetMapping("/declarations")
    @Operation(summary = "The caller's declarations with their live status, newest first (registry staff: everyone's)")
    List<Declaration> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return declarations.visibleTo(currentUser.get(), page, size);
    }

    @GetMapping("/declarations/{id}")
    Declaration one(@PathVariable long id) {
        return declarations.get(currentUser.get(), id);
    }

    record Rules(FormView form, BigDecimal autoApproveLimit, List<DeclarationRules.Security> securities) { }

    @GetMapping("/rules")
    @Operation(summary = "The validation rules (the form definition) and when a declaration is accepted automatically")
    Rules rules() {
        return new Rules(forms.of(DeclarationForms.DECLARATION), rules.autoApproveLimit(), rules.securities());
    }
}
