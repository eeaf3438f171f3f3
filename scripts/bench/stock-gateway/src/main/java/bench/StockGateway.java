package bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stock Spring Cloud Gateway: the route and its one filter are in application.yml. */
@SpringBootApplication
public class StockGateway {
  public static void main(String[] args) {
    SpringApplication.run(StockGateway.class, args);
  }
}
