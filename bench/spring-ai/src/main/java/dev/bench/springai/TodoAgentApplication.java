package dev.bench.springai;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.ai.chat.memory.repository.jdbc.JdbcChatMemoryRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class TodoAgentApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(TodoAgentApplication.class);
        app.setDefaultProperties(EnvironmentUrls.toProperties(System.getenv()));
        app.run(args);
    }

    @Bean
    ChatMemory chatMemory(JdbcChatMemoryRepository chatMemoryRepository) {
        return MessageWindowChatMemory.builder()
                .chatMemoryRepository(chatMemoryRepository)
                .maxMessages(20)
                .build();
    }

    @Bean
    ChatClient chatClient(ChatClient.Builder builder, ChatMemory chatMemory, TodoTools todoTools) {
        return builder
                .defaultSystem("""
                        You are a helpful todo-list assistant. Use the tools to add, list, complete, \
                        delete and update the user's tasks, then answer briefly.""")
                .defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
                .defaultTools(todoTools)
                .build();
    }
}
